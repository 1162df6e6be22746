"""``elasticio demo``, in three parts: ``workflow`` (what it does with the SDK),
``display`` (progress and the summary, with rich) and ``wiring`` (its options, the
emulator it serves, its exit status).
"""
