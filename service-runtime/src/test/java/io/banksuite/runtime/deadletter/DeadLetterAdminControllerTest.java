package io.banksuite.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The endpoints' contract, over a fake: parameters, defaults, and how each failure is answered. */
class DeadLetterAdminControllerTest {

    private final FakeDeadLetters deadLetters = new FakeDeadLetters();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DeadLetterAdminController(deadLetters)).build();

    @Test
    void listsAndReplaysTheDefaultNumberWhenNotToldHowMany() throws Exception {
        mvc.perform(get("/api/v1/admin/dead-letters")).andExpect(status().isOk())
                .andExpect(jsonPath("$.remaining").value(1))
                .andExpect(jsonPath("$.deadLetterQueue").value("fake.dlq"))
                .andExpect(jsonPath("$.records[0]").value("m-1"));
        mvc.perform(post("/api/v1/admin/dead-letters/replay")).andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(100)).andExpect(jsonPath("$.remaining").value(0));
        mvc.perform(post("/api/v1/admin/dead-letters/replay?max=7")).andExpect(status().isOk());

        assertThat(deadLetters.calls).containsExactly("list 100", "replay 100", "replay 7");
    }

    @Test
    void aServiceWithSeveralDeadLetterStoresServesEachByItsSourceTheMainOneByDefault() throws Exception {
        FakeDeadLetters audit = new FakeDeadLetters("audit.dlq");
        MockMvc both = MockMvcBuilders.standaloneSetup(
                new DeadLetterAdminController(List.of(deadLetters, audit))).build();

        both.perform(get("/api/v1/admin/dead-letters")).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadLetterQueue").value("fake.dlq"));
        both.perform(get("/api/v1/admin/dead-letters?source=audit.dlq&limit=3")).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadLetterQueue").value("audit.dlq"));
        both.perform(post("/api/v1/admin/dead-letters/replay?source=audit.dlq&max=2")).andExpect(status().isOk());
        both.perform(get("/api/v1/admin/dead-letters?source=nowhere")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of [fake.dlq, audit.dlq]"));

        assertThat(deadLetters.calls).containsExactly("list 100");
        assertThat(audit.calls).containsExactly("list 3", "replay 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/replay?max=0", "/replay?max=1001", "/replay?max=many", "?limit=0", "?limit=-1"})
    void badInputIsAProblemNamingTheParameterAndNothingIsDone(String pathAndQuery) throws Exception {
        var request = pathAndQuery.startsWith("/replay") ? post("/api/v1/admin/dead-letters" + pathAndQuery)
                : get("/api/v1/admin/dead-letters" + pathAndQuery);
        String field = pathAndQuery.contains("max") ? "max" : "limit";

        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(deadLetters.calls).isEmpty();
    }

    @Test
    void aReplayAlreadyRunningIsAConflict() throws Exception {
        deadLetters.failure = new ReplayInProgressException("fake.dlq");
        mvc.perform(post("/api/v1/admin/dead-letters/replay")).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Replay already running"));
    }

    @Test
    void aReplayThatStoppedSaysHowManyWentBeforeIt() throws Exception {
        deadLetters.failure = new ReplayFailedException("fake.dlq", 3, new IllegalStateException("nacked"));
        mvc.perform(post("/api/v1/admin/dead-letters/replay")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.replayed").value(3))
                .andExpect(jsonPath("$.detail").value("Replay of fake.dlq stopped after 3 message(s): nacked"));
    }

    @Test
    void anUnreachableBrokerIsServiceUnavailable() throws Exception {
        deadLetters.failure = new DeadLettersUnavailableException("fake.dlq", new IllegalStateException("down"));
        mvc.perform(get("/api/v1/admin/dead-letters")).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Dead letters unavailable"));
    }
}
