package io.banksuite.ml.adapter.out.persistence;

import java.util.Optional;

import io.banksuite.ml.application.port.out.ClientProfileStore;
import io.banksuite.ml.domain.ClientProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code client_profile} (migration V3): one row per client, its latest version. */
@Repository
public class JdbcClientProfileStore implements ClientProfileStore {

    private final JdbcClient jdbc;

    public JdbcClientProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keepIfNewer(ClientProfile profile) {
        return jdbc.sql("""
                        INSERT INTO client_profile (client_id, version, status, segment) VALUES (?, ?, ?, ?)
                        ON CONFLICT (client_id) DO UPDATE
                            SET version = EXCLUDED.version, status = EXCLUDED.status, segment = EXCLUDED.segment,
                                updated_at = now()
                            WHERE client_profile.version < EXCLUDED.version""")
                .params(profile.clientId(), profile.version(), profile.status(), profile.segment())
                .update() == 1;
    }

    @Override
    public Optional<ClientProfile> find(String clientId) {
        return jdbc.sql("SELECT client_id, version, status, segment FROM client_profile WHERE client_id = ?")
                .param(clientId)
                .query((rs, row) -> new ClientProfile(rs.getString("client_id"), rs.getLong("version"),
                        rs.getString("status"), rs.getString("segment")))
                .optional();
    }
}
