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
 * The demo screening (data in {@code demo/screening.json}): a recruiter creates a Backend Engineer plan
 * and invites simulated candidates through the HTTP API; each reads the invitation from the local
 * mailbox and answers through the session API (one by voice, synthesised with espeak-ng and transcribed
 * by the local Transcribe stand-in; one drops off and resumes); the reports are awaited and ranked.
 */
public final class Demo {

    /** One simulated candidate's outcome. */
    public record Result(String name, String profile, String interviewId, Integer overall, Boolean passed,
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
        JsonNode scenario = scenario();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String organisation = "demo-" + run;
        String recipient = "hiring@" + organisation + ".example";
        RecruiterClient recruiter = new RecruiterClient(runtime, organisation, "rita@" + organisation + ".example");

        out.println("1. Creating the plan (8 bank questions, pass threshold 60) as a recruiter of " + organisation);
        Map<String, Object> plan = new LinkedHashMap<>(Json.mapper().convertValue(scenario.path("plan"), Map.class));
        List<Map<String, Object>> questions = new ArrayList<>();
        scenario.path("plan").path("questions").forEach(n -> questions.add(Map.of("bankQuestion", n.asInt())));
        plan.put("questions", questions);
        plan.put("recipients", List.of(recipient));
        String planId = recruiter.call("POST", "/plans", plan, 201).path("planId").asText();

        List<JsonNode> candidates = new ArrayList<>();
        scenario.path("candidates").forEach(candidates::add);
        List<Integer> bank = new ArrayList<>();
        scenario.path("plan").path("questions").forEach(n -> bank.add(n.asInt()));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> emails = new LinkedHashMap<>();
        for (JsonNode candidate : candidates) {
            String email = candidate.path("name").asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "")
                    .trim().replaceAll("\\s+", ".") + "." + run + "@candidates.example";
            emails.put(candidate.path("name").asText(), email);
            rows.add(Map.of("name", candidate.path("name").asText(), "email", email));
        }
        out.println("2. Inviting " + rows.size() + " candidates in one batch");
        JsonNode batch = recruiter.call("POST", "/plans/" + planId + "/batches", Map.of("candidates", rows), 201);
        out.println("   accepted " + batch.path("accepted").asInt() + ", rejected " + batch.path("rejected").size());

        out.println("3. Candidates read their invitations and answer");
        Map<String, String> links = new LinkedHashMap<>();
        for (JsonNode candidate : candidates) {
            String name = candidate.path("name").asText();
            links.put(name, invitationLink(emails.get(name), deadline));
        }
        List<JsonNode> resumeLater = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            String name = candidate.path("name").asText();
            int dropAfter = candidate.path("dropAfter").asInt(Integer.MAX_VALUE);
            int given = new CandidateDriver(runtime.apiEndpoint(), links.get(name))
                    .run(answers(candidate, bank), dropAfter, remaining(deadline));
            if (dropAfter != Integer.MAX_VALUE) {
                out.println("   " + name + " answered " + given + " and dropped off");
                resumeLater.add(candidate);
            } else {
                out.println("   " + name + " (" + candidate.path("profile").asText() + ") finished");
            }
        }
        for (JsonNode candidate : resumeLater) {
            String name = candidate.path("name").asText();
            new CandidateDriver(runtime.apiEndpoint(), links.get(name)).run(answers(candidate, bank), Integer.MAX_VALUE,
                    remaining(deadline));
            out.println("   " + name + " came back through the same link, resumed and finished");
        }

        out.println("4. Waiting for the reports");
        int reported = -1;
        JsonNode ranking = null;
        while (Instant.now().isBefore(deadline)) {
            ranking = recruiter.call("GET", "/plans/" + planId + "/candidates", null, 200).path("items");
            if (ranking.size() != reported) {
                reported = ranking.size();
                out.println("   reports: " + reported + "/" + candidates.size());
            }
            if (reported == candidates.size() && mailbox.to(recipient).size() >= candidates.size()) {
                break;
            }
            pause();
        }
        List<LocalMailbox.Email> reportEmails = mailbox.to(recipient);
        List<Result> results = new ArrayList<>();
        for (JsonNode row : ranking == null ? Json.mapper().createArrayNode() : ranking) {
            String name = row.path("name").asText();
            String profile = candidates.stream().filter(c -> c.path("name").asText().equals(name))
                    .map(c -> c.path("profile").asText()).findFirst().orElse("");
            List<String> flags = new ArrayList<>();
            row.path("flags").forEach(f -> flags.add(f.asText()));
            List<Integer> review = new ArrayList<>();
            row.path("needsReview").forEach(r -> review.add(r.asInt()));
            boolean emailed = reportEmails.stream().anyMatch(e -> e.subject().contains(name));
            results.add(new Result(name, profile, row.path("interviewId").asText(),
                    row.path("overall").isNull() ? null : row.path("overall").asInt(),
                    row.path("passed").isNull() ? null : row.path("passed").asBoolean(), flags, review, emailed));
        }
        return new Outcome(organisation, planId, recruiter.token(), results, candidates.size());
    }

    /** Prints the ranked table. */
    public void print(Outcome outcome) {
        out.println();
        out.printf(Locale.ROOT, "%-4s %-38s %-34s %7s %-6s %-34s %s%n", "rank", "candidate", "profile", "overall",
                "passed", "flags", "review");
        int rank = 0;
        for (Result result : outcome.results()) {
            rank++;
            out.printf(Locale.ROOT, "%-4d %-38s %-34s %7s %-6s %-34s %s%n", rank, truncate(result.name(), 38),
                    truncate(result.profile(), 34), result.overall() == null ? "-" : result.overall() + "/100",
                    result.passed() == null ? "-" : result.passed() ? "yes" : "no",
                    truncate(String.join(",", result.flags()), 34),
                    result.needsReview().isEmpty() ? "" : "questions " + result.needsReview());
        }
    }

    private static CandidateDriver.Answers answers(JsonNode candidate, List<Integer> bank) {
        List<Integer> voice = new ArrayList<>();
        candidate.path("voice").forEach(n -> voice.add(n.asInt()));
        return (position, kind, question) -> {
            if (kind.equals("follow_up")) {
                return CandidateDriver.Answer.typed(candidate.path("followUp").asText());
            }
            int number = bank.get(position - 1);
            String text = candidate.path("answers").path(Integer.toString(number)).asText();
            if (voice.contains(number)) {
                Optional<byte[]> wav = speak(text);
                if (wav.isPresent()) {
                    return CandidateDriver.Answer.spoken(wav.get());
                }
            }
            return CandidateDriver.Answer.typed(text);
        };
    }

    /** espeak-ng's voice for a spoken answer; empty when espeak-ng is not installed (the answer is typed). */
    public static Optional<byte[]> speak(String text) {
        try {
            Path wav = Files.createTempFile("prescreen-voice-", ".wav");
            try {
                Process espeak = new ProcessBuilder("espeak-ng", "-s", "150", "-w", wav.toString(), text)
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
