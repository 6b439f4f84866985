"""Settings of the peer: one database, a schema per tenant (django-tenants), nothing but the product page.

Taken from the environment bench/peer.sh sets: PEER_DB_HOST (the socket directory), PEER_DB_PORT,
PEER_DB_NAME. django-tenants comes from PYTHONPATH (the folder given to bench/peer.sh).
"""
import os

SECRET_KEY = "peer-bench-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

# Shared apps live in the public schema (tenants, domains, accounts, tokens, members); the products
# app is migrated into each tenant's schema, as Tenantry's workspace tables are.
SHARED_APPS = ["django_tenants", "django.contrib.contenttypes", "customers"]
TENANT_APPS = ["products"]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]
TENANT_MODEL = "customers.Client"
TENANT_DOMAIN_MODEL = "customers.Domain"

# django-tenants' middleware finds the tenant by host name and sets search_path; nothing else runs.
MIDDLEWARE = ["django_tenants.middleware.main.TenantMainMiddleware"]
ROOT_URLCONF = "peersite.urls"
PUBLIC_SCHEMA_URLCONF = "peersite.urls"

DATABASES = {
    "default": {
        "ENGINE": "django_tenants.postgresql_backend",
        "NAME": os.environ.get("PEER_DB_NAME", "peer"),
        "USER": os.environ.get("PEER_DB_USER", "nobody"),
        "HOST": os.environ.get("PEER_DB_HOST", "/tmp/peer-pg"),
        "PORT": os.environ.get("PEER_DB_PORT", "55432"),
        # A connection kept per worker, as Tenantry keeps a pool: no connection set up per request.
        "CONN_MAX_AGE": None,
    }
}
DATABASE_ROUTERS = ("django_tenants.routers.TenantSyncRouter",)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
LOGGING = {"version": 1, "disable_existing_loggers": False}
