"""The emulated API, one package per area (as ``elasticio.resources`` has one module per
namespace): ``store`` (the records and the table with their operations), ``views`` (how
they look in answers) and ``routes`` (access rules, body schemas, handlers of the area's
catalog entries).

Stores know nothing of HTTP; routes read and change the platform only through stores.
"""
