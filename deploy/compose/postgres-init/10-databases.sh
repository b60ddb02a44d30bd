#!/bin/bash
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d).
# Creates LabGate's and Keycloak's databases, each owned by its own account. LabGate's schema is owned by
# labgate_owner (migrations); LabGate runs as labgate, which owns nothing (grants: migration V25).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v labgate_pw="$LABGATE_DB_PASSWORD" -v owner_pw="$LABGATE_DB_OWNER_PASSWORD" \
     -v keycloak_pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE labgate_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE labgate LOGIN PASSWORD :'labgate_pw';
CREATE DATABASE labgate OWNER labgate_owner;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
