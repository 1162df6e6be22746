"""Recipes: flow templates to share and activate, and the deployments activation makes."""
