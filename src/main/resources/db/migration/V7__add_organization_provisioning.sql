-- What LabGate provisioned for an organization in Keycloak (see io.labgate.organization.provisioning): the
-- clientId of its machine client, when it was first provisioned, when the current client secret was issued, and
-- the Keycloak users that suspending it disabled (so that re-activating enables exactly those again). No secret
-- is ever stored here: Keycloak keeps the client secret, LabGate hands it out once.
ALTER TABLE organization
    ADD COLUMN keycloak_client_id       varchar(255),
    ADD COLUMN provisioned_at           timestamptz,
    ADD COLUMN credentials_issued_at    timestamptz,
    ADD COLUMN keycloak_disabled_users  text[] NOT NULL DEFAULT '{}';

ALTER TABLE organization
    ADD CONSTRAINT organization_keycloak_client_id_key UNIQUE (keycloak_client_id),
    -- a clientId Keycloak accepts and LabGate chose; never an empty or odd string
    ADD CONSTRAINT organization_keycloak_client_id_valid
        CHECK (keycloak_client_id IS NULL OR keycloak_client_id ~ '^[a-z0-9][a-z0-9-]{2,254}$'),
    -- the three provisioning facts come together: a client, when it was made, and when its secret was issued
    ADD CONSTRAINT organization_provisioning_complete CHECK (
        (keycloak_client_id IS NULL) = (provisioned_at IS NULL)
        AND (keycloak_client_id IS NULL) = (credentials_issued_at IS NULL)
        AND (keycloak_client_id IS NULL OR keycloak_group IS NOT NULL)),
    -- the operator's own organization gets no machine client; a PENDING one has never been activated
    ADD CONSTRAINT organization_provisioned_kind CHECK (kind <> 'OPERATOR' OR keycloak_client_id IS NULL),
    ADD CONSTRAINT organization_provisioned_after_activation CHECK (status <> 'PENDING' OR provisioned_at IS NULL),
    -- users stay disabled by LabGate only while the organization is suspended
    ADD CONSTRAINT organization_disabled_users_while_suspended CHECK (
        array_ndims(keycloak_disabled_users) IS NULL
        OR (array_ndims(keycloak_disabled_users) = 1 AND status = 'SUSPENDED'
            AND array_position(keycloak_disabled_users, NULL) IS NULL));
