#!/usr/bin/python3
"""The Django side of bench/peer.sh: django-tenants serving Tenantry's product page (see bench/README.md)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
