package dev.prescreen.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The demo screening (data in {@code demo/screening.json}): a recruiter creates Backend Engineer plans in
 * English, Spanish and German and invites simulated candidates through the HTTP API; each reads the invitation from the local
 * mailbox and answers through the session API (one by voice, synthesised with espeak-ng and transcribed
 * by the local Transcribe stand-in; one drops off and resumes); the reports are awaited and ranked.
 */
public final class Demo {

    /** One simulated candidate's outcome. */
    public record Result(String name, String profile, String language, String planId, String interviewId,
            Integer overall, Boolean passed,
            List<String> flags, List<Integer> needsReview, boolean reportEmailed) {
    }

    /** What the run produced and where to look. */
    public record Outcome(String organisation, String planId, String recruiterToken, List<Result> results,
            int expected) {
        public boolean complete() {
            return results.size() == expected && results.stream().allMatch(Result::reportEmailed);
        }
    }

    private final LocalRuntime runtime;
    private final PrintStream out;
    private final LocalMailbox mailbox;

    public Demo(LocalRuntime runtime, PrintStream out) {
        this.runtime = runtime;
        this.out = out;
        this.mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
    }

    public Outcome run(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String run = UUID.randomUUID().toString().substring(0, 6);
        String organisation = "demo-" + run;
        String recipient = "hiring@" + organisation + ".example";
        RecruiterClient recruiter = new RecruiterClient(runtime, organisation, "rita@" + organisation + ".example");

        List<Screening> screenings = new ArrayList<>();
        scenario().path("screenings").forEach(s -> screenings.add(new Screening(s)));
        int step = 1;
        for (Screening screening : screenings) {
            out.println(step++ + ". Creating the " + screening.language() + " plan (" + screening.bank.size()
                    + " bank questions, pass threshold 60) as a recruiter of " + organisation);
            screening.planId = createPlan(recruiter, screening, recipient);
            out.println("   inviting " + screening.candidates.size() + " candidates in one batch");
            JsonNode batch = recruiter.call("POST", "/plans/" + screening.planId + "/batches",
                    Map.of("candidates", rows(screening, run)), 201);
            out.println("   accepted " + batch.path("accepted").asInt() + ", rejected " + batch.path("rejected").size());
        }

        out.println(step++ + ". Candidates read their invitations and answer");
        List<Runnable> resumeLater = new ArrayList<>();
        for (Screening screening : screenings) {
            for (JsonNode candidate : screening.candidates) {
                String name = candidate.path("name").asText();
                String link = invitationLink(screening.emails.get(name), deadline);
                int dropAfter = candidate.path("dropAfter").asInt(Integer.MAX_VALUE);
                CandidateDriver.Answers answers = answers(candidate, screening.bank, screening.language());
                int given = new CandidateDriver(runtime.apiEndpoint(), link).run(answers, dropAfter, remaining(deadline));
                if (dropAfter != Integer.MAX_VALUE) {
                    out.println("   " + name + " answered " + given + " and dropped off");
                    resumeLater.add(() -> {
                        new CandidateDriver(runtime.apiEndpoint(), link).run(answers, Integer.MAX_VALUE,
                                remaining(deadline));
                        out.println("   " + name + " came back through the same link, resumed and finished");
                    });
                } else {
                    out.println("   " + name + " (" + candidate.path("profile").asText() + ") finished");
                }
            }
        }
        resumeLater.forEach(Runnable::run);

        out.println(step + ". Waiting for the reports");
        int expected = screenings.stream().mapToInt(s -> s.candidates.size()).sum();
        int reported = -1;
        Map<Screening, JsonNode> rankings = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            for (Screening screening : screenings) {
                rankings.put(screening, recruiter.call("GET", "/plans/" + screening.planId + "/candidates", null, 200)
                        .path("items"));
            }
            int now = rankings.values().stream().mapToInt(JsonNode::size).sum();
            if (now != reported) {
                reported = now;
                out.println("   reports: " + reported + "/" + expected);
            }
            if (reported == expected && mailbox.to(recipient).size() >= expected) {
                break;
            }
            pause();
        }
        List<LocalMailbox.Email> reportEmails = mailbox.to(recipient);
        List<Result> results = new ArrayList<>();
        rankings.forEach((screening, ranking) -> {
            for (JsonNode row : ranking) {
                results.add(result(screening, row, reportEmails));
            }
        });
        return new Outcome(organisation, screenings.get(0).planId, recruiter.token(), results, expected);
    }

    /** One plan of the scenario, in one language, with its candidates. */
    private static final class Screening {
        final JsonNode plan;
        final List<JsonNode> candidates = new ArrayList<>();
        final List<Integer> bank = new ArrayList<>();
        final Map<String, String> emails = new LinkedHashMap<>();
        String planId;

        Screening(JsonNode screening) {
            plan = screening.path("plan");
            screening.path("candidates").forEach(candidates::add);
            plan.path("questions").forEach(n -> bank.add(n.asInt()));
        }

        String language() {
            return plan.path("language").asText();
        }
    }

    private static String createPlan(RecruiterClient recruiter, Screening screening, String recipient) {
        Map<String, Object> plan = new LinkedHashMap<>(Json.mapper().convertValue(screening.plan, Map.class));
        List<Map<String, Object>> questions = new ArrayList<>();
        screening.bank.forEach(n -> questions.add(Map.of("bankQuestion", n)));
        plan.put("questions", questions);
        plan.put("recipients", List.of(recipient));
        return recruiter.call("POST", "/plans", plan, 201).path("planId").asText();
    }

    private static List<Map<String, Object>> rows(Screening screening, String run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode candidate : screening.candidates) {
            String name = candidate.path("name").asText();
            String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
            String email = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().replaceAll("\\s+", ".")
                    + "." + run + "@candidates.example";
            screening.emails.put(name, email);
            rows.add(Map.of("name", name, "email", email));
        }
        return rows;
    }

    private static Result result(Screening screening, JsonNode row, List<LocalMailbox.Email> reportEmails) {
        String name = row.path("name").asText();
        String profile = screening.candidates.stream().filter(c -> c.path("name").asText().equals(name))
                .map(c -> c.path("profile").asText()).findFirst().orElse("");
        List<String> flags = new ArrayList<>();
        row.path("flags").forEach(f -> flags.add(f.asText()));
        List<Integer> review = new ArrayList<>();
        row.path("needsReview").forEach(r -> review.add(r.asInt()));
        boolean emailed = reportEmails.stream().anyMatch(e -> e.subject().contains(name));
        return new Result(name, profile, screening.language(), screening.planId, row.path("interviewId").asText(),
                row.path("overall").isNull() ? null : row.path("overall").asInt(),
                row.path("passed").isNull() ? null : row.path("passed").asBoolean(), flags, review, emailed);
    }

    /** Prints the ranked table of each plan. */
    public void print(Outcome outcome) {
        String plan = null;
        int rank = 0;
        for (Result result : outcome.results()) {
            if (!result.planId().equals(plan)) {
                plan = result.planId();
                rank = 0;
                out.println();
                out.println("plan " + plan + " (" + result.language() + ")");
                out.printf(Locale.ROOT, "%-4s %-38s %-34s %7s %-6s %-34s %s%n", "rank", "candidate", "profile",
                        "overall", "passed", "flags", "review");
            }
            rank++;
            out.printf(Locale.ROOT, "%-4d %-38s %-34s %7s %-6s %-34s %s%n", rank, truncate(result.name(), 38),
                    truncate(result.profile(), 34), result.overall() == null ? "-" : result.overall() + "/100",
                    result.passed() == null ? "-" : result.passed() ? "yes" : "no",
                    truncate(String.join(",", result.flags()), 34),
                    result.needsReview().isEmpty() ? "" : "questions " + result.needsReview());
        }
    }

    private static CandidateDriver.Answers answers(JsonNode candidate, List<Integer> bank, String language) {
        List<Integer> voice = new ArrayList<>();
        candidate.path("voice").forEach(n -> voice.add(n.asInt()));
        return (position, kind, question) -> {
            if (kind.equals("follow_up")) {
                return CandidateDriver.Answer.typed(candidate.path("followUp").asText());
            }
            int number = bank.get(position - 1);
            String text = candidate.path("answers").path(Integer.toString(number)).asText();
            if (voice.contains(number)) {
                Optional<byte[]> wav = speak(text, language);
                if (wav.isPresent()) {
                    return CandidateDriver.Answer.spoken(wav.get());
                }
            }
            return CandidateDriver.Answer.typed(text);
        };
    }

    /** espeak-ng's voice for a spoken answer; empty when espeak-ng is not installed (the answer is typed). */
    public static Optional<byte[]> speak(String text) {
        return speak(text, "en-US");
    }

    /** The same in one of the interview languages (espeak-ng speaks all nine). */
    public static Optional<byte[]> speak(String text, String language) {
        try {
            Path wav = Files.createTempFile("prescreen-voice-", ".wav");
            try {
                Process espeak = new ProcessBuilder("espeak-ng", "-v", espeakVoice(language), "-s", "150", "-w",
                        wav.toString(), text)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!espeak.waitFor(30, TimeUnit.SECONDS) || espeak.exitValue() != 0) {
                    return Optional.empty();
                }
                return Optional.of(Files.readAllBytes(wav));
            } finally {
                Files.deleteIfExists(wav);
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** espeak-ng names its voices by language, some by region ("es", "pt-br", "sv"). */
    static String espeakVoice(String language) {
        return switch (language) {
            case "en-US" -> "en-us";
            case "pt-BR" -> "pt-br";
            default -> language.substring(0, 2);
        };
    }

    private String invitationLink(String email, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            Optional<String> link = mailbox.to(email).stream().findFirst().flatMap(LocalMailbox.Email::interviewLink);
            if (link.isPresent()) {
                return link.get();
            }
            pause();
        }
        throw new IllegalStateException("no invitation reached " + email);
    }

    /** A demo candidate's answers to their plan's bank questions, in the plan's order. */
    public static List<String> answersOf(String name) {
        List<String> answers = new ArrayList<>();
        for (JsonNode screening : scenario().path("screenings")) {
            for (JsonNode candidate : screening.path("candidates")) {
                if (candidate.path("name").asText().equals(name)) {
                    screening.path("plan").path("questions").forEach(number ->
                            answers.add(candidate.path("answers").path(number.asText()).asText()));
                }
            }
        }
        return answers;
    }

    private static JsonNode scenario() {
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream("demo/screening.json")) {
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration remaining(Instant deadline) {
        return Duration.between(Instant.now(), deadline);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
