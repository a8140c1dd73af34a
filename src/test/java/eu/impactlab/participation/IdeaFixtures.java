package eu.impactlab.participation;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Published ideas for tests, made the way a coordinator makes them. */
class IdeaFixtures {

    private final ParticipationService ideas;
    private final JdbcClient jdbc;

    IdeaFixtures(ParticipationService ideas, JdbcClient jdbc) {
        this.ideas = ideas;
        this.jdbc = jdbc;
    }

    long pending(String lab, String title, String email) {
        var outcome = ideas.propose(new ParticipationService.Proposal(lab, "PROJECT", title,
                "Ein Text mit genug Zeichen für die Idee.", "de", "Tester", email, true, "de"));
        return ((ParticipationService.Outcome.Accepted) outcome).id();
    }

    long published(String lab, String title) {
        long id = pending(lab, title, null);
        ideas.publish(id, false, "test");
        return id;
    }
}
