package io.labgate.inventory.server;

import io.labgate.inventory.api.LabServers;
import io.labgate.inventory.api.ServerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The in-process view of the lab servers that other features use ({@link LabServers}). */
@ApplicationScoped
class ServerDirectory implements LabServers {

    @Inject
    LabServerRepository servers;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ServerInfo> find(UUID id) {
        return servers.findByIdOptional(id).map(ServerDirectory::info);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ServerInfo> lockForReservation(UUID id) {
        return servers.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(ServerDirectory::info);
    }

    private static ServerInfo info(LabServer s) {
        return new ServerInfo(s.id, s.hostname, s.status);
    }
}
