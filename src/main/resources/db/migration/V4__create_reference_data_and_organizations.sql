-- Reference lists (industries, AI technologies) and the organizations taking part in the lab.

-- Codes sort byte-wise (COLLATE "C") so that the order of a list does not depend on the server's locale.
CREATE TABLE industry (
    code         varchar(32) COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
    name         varchar(200)  NOT NULL CHECK (btrim(name) <> ''),
    name_ko      varchar(200),
    description  varchar(2000),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0
);

CREATE TABLE ai_technology (
    code         varchar(32) COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
    name         varchar(200)  NOT NULL CHECK (btrim(name) <> ''),
    name_ko      varchar(200),
    description  varchar(2000),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0
);

-- The check-digit rule of the Korean business registration number, the same as BusinessRegistrationNumber.java:
-- weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus floor(d9 * 5 / 10); the tenth digit is
-- (10 - sum mod 10) mod 10.
CREATE FUNCTION is_valid_business_registration_number(brn text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT brn ~ '^[0-9]{10}$'
       AND (10 - (
                substr(brn, 1, 1)::int * 1 + substr(brn, 2, 1)::int * 3 + substr(brn, 3, 1)::int * 7
              + substr(brn, 4, 1)::int * 1 + substr(brn, 5, 1)::int * 3 + substr(brn, 6, 1)::int * 7
              + substr(brn, 7, 1)::int * 1 + substr(brn, 8, 1)::int * 3 + substr(brn, 9, 1)::int * 5
              + (substr(brn, 9, 1)::int * 5) / 10
            ) % 10) % 10 = substr(brn, 10, 1)::int
$$;

CREATE TABLE organization (
    id                            uuid PRIMARY KEY,
    kind                          varchar(16)  NOT NULL CHECK (kind IN ('AI_COMPANY', 'DATA_PROVIDER', 'OPERATOR')),
    name                          varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    business_registration_number  varchar(10)  NOT NULL,
    status                        varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    status_reason                 varchar(500),
    status_changed_at             timestamptz  NOT NULL,
    keycloak_group                varchar(255),
    contact_email                 varchar(254) NOT NULL CHECK (contact_email LIKE '_%@_%'),
    contact_name                  varchar(200) NOT NULL CHECK (btrim(contact_name) <> ''),
    created_at                    timestamptz  NOT NULL,
    updated_at                    timestamptz  NOT NULL,
    version                       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT organization_business_registration_number_key UNIQUE (business_registration_number),
    CONSTRAINT organization_business_registration_number_valid
        CHECK (is_valid_business_registration_number(business_registration_number)),
    CONSTRAINT organization_keycloak_group_key UNIQUE (keycloak_group),
    CONSTRAINT organization_suspension_has_reason CHECK (status <> 'SUSPENDED' OR status_reason IS NOT NULL)
);
CREATE INDEX organization_kind_status_idx ON organization (kind, status);
CREATE INDEX organization_name_idx ON organization (lower(name));
