package io.banksuite.transaction.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.banksuite.transaction.domain.ClientProfile;
import io.banksuite.transaction.domain.ClientStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of clients' profiles (migration V2, client_profile_versions). */
@Repository
public class JdbcClientProfileStore extends JdbcVersionStore<ClientProfile> {

    public JdbcClientProfileStore(JdbcTemplate jdbc) {
        super(jdbc, "client_profile_versions", List.of("status", "segment", "country"));
    }

    @Override
    protected ClientProfile state(ResultSet row) throws SQLException {
        return new ClientProfile(ClientStatus.valueOf(row.getString("status")), row.getString("segment"),
                row.getString("country"));
    }

    @Override
    protected List<Object> stateValues(ClientProfile state) {
        return List.of(state.status().name(), state.segment(), state.country());
    }
}
