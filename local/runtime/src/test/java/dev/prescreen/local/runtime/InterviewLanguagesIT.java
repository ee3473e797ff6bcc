package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.domain.Languages;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import dev.prescreen.local.runtime.demo.Demo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plan in each of the nine interview languages, from its own bank, invited, taken (typed, in that language) and
 * reported through the whole local stack; and a spoken answer in a language the local recogniser lacks, which goes to
 * a person.
 */
@ExtendWith(LocalRuntimeExtension.class)
class InterviewLanguagesIT {

    /** A concrete own story and an "I don't know", in each language, as a candidate there would type them. */
    record Answers(String story, String dontKnow, String ownQuestion) {
    }

    static final Map<String, Answers> ANSWERS = Map.of(
            "en-US", new Answers("At Zalando in 2022 I moved our order service to Kafka myself and cut the p99 latency "
                    + "from 800 to 90 milliseconds.", "I don't know, sorry.", "Why does this role interest you?"),
            "es-ES", new Answers("En Cabify, en 2022, migré yo mismo el servicio de pedidos a Kafka y reduje la latencia "
                    + "p99 de 800 a 90 milisegundos.", "No lo sé, lo siento.", "¿Por qué te interesa este puesto?"),
            "fr-FR", new Answers("Chez Doctolib, en 2022, j'ai migré moi-même le service de commandes vers Kafka et j'ai "
                    + "réduit la latence p99 de 800 à 90 millisecondes.", "Je ne sais pas, désolé.",
                    "Pourquoi ce poste vous intéresse-t-il ?"),
            "de-DE", new Answers("Bei Zalando habe ich 2022 den Bestellservice selbst auf Kafka umgestellt und die "
                    + "p99-Latenz von 800 auf 90 Millisekunden gesenkt.", "Das weiß ich nicht, tut mir leid.",
                    "Warum interessiert Sie diese Stelle?"),
            "pt-BR", new Answers("No Nubank, em 2022, eu migrei sozinho o serviço de pedidos para Kafka e reduzi a "
                    + "latência p99 de 800 para 90 milissegundos.", "Não sei, desculpa.", "Por que esta vaga te interessa?"),
            "it-IT", new Answers("In Satispay, nel 2022, ho migrato io il servizio degli ordini su Kafka e ho ridotto la "
                    + "latenza p99 da 800 a 90 millisecondi.", "Non lo so, mi dispiace.",
                    "Perché ti interessa questa posizione?"),
            "nl-NL", new Answers("Bij Bol.com heb ik in 2022 zelf de bestelservice naar Kafka gemigreerd en de "
                    + "p99-latency van 800 naar 90 milliseconden verlaagd.", "Dat weet ik niet, sorry.",
                    "Waarom spreekt deze functie je aan?"),
            "pl-PL", new Answers("W Allegro w 2022 roku sama przeniosłam serwis zamówień na Kafkę i obniżyłam "
                    + "opóźnienie p99 z 800 do 90 milisekund.", "Nie wiem, przepraszam.",
                    "Dlaczego interesuje Cię to stanowisko?"),
            "sv-SE", new Answers("På Klarna flyttade jag 2022 själv ordertjänsten till Kafka och sänkte p99-latensen "
                    + "från 800 till 90 millisekunder.", "Jag vet inte, tyvärr.", "Varför lockar den här rollen dig?"));

    static List<String> languages() {
        return Languages.SUPPORTED;
    }

    private static Map<String, Object> plan(String language, String reportLanguage, String recipient) {
        Map<String, Object> plan = new LinkedHashMap<>(PlansApiIT.validPlan());
        plan.put("language", language);
        if (reportLanguage != null) {
            plan.put("reportLanguage", reportLanguage);
        }
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int n : new int[] {1, 3, 5, 9, 13, 16}) {
            questions.add(Map.of("bankQuestion", n));
        }
        questions.add(Map.of("text", ANSWERS.get(language).ownQuestion(), "type", "General"));
        plan.put("questions", questions);
        plan.put("recipients", List.of(recipient));
        plan.put("followUps", Map.of("enabled", false, "maxPerInterview", 0));
        return plan;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void aPlanInTheLanguageIsInvitedTakenAndReported(String language, LocalRuntime runtime) {
        ApiClient recruiter = ApiClient.recruiter(runtime, "org-" + UUID.randomUUID());
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        String recipient = "hiring-" + UUID.randomUUID() + "@acme.example";
        // German plans report to a French-reading hiring team; the others in the default, English
        String reportLanguage = language.equals("de-DE") ? "fr-FR" : null;

        JsonNode bank = recruiter.get("/question-banks/backend-engineer?language=" + language).json();
        assertThat(bank.path("language").asText()).isEqualTo(language);
        assertThat(bank.path("questions")).hasSize(20);
        JsonNode created = recruiter.post("/plans", plan(language, reportLanguage, recipient)).json();
        assertThat(created.path("language").asText()).isEqualTo(language);
        assertThat(created.path("reportLanguage").asText()).isEqualTo(reportLanguage == null ? "en-US" : reportLanguage);
        assertThat(created.path("questions").get(0).path("text").asText())
                .isEqualTo(bank.path("questions").get(0).path("text").asText());
        String planId = created.path("planId").asText();
        String email = "cand-" + UUID.randomUUID() + "@candidates.example";
        recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(Map.of("name", "Kim", "email", email))));

        LocalMailbox.Email invitation = Poll.until("the invitation to " + email, Duration.ofSeconds(30),
                () -> mailbox.to(email).stream().findFirst());
        assertThat(invitation.subject().startsWith("Your screening interview")).as(invitation.subject())
                .isEqualTo(language.equals("en-US"));
        Answers answers = ANSWERS.get(language);
        // odd positions tell the story, even ones do not know
        new CandidateDriver(runtime.apiEndpoint(), invitation.interviewLink().orElseThrow()).run(
                (position, kind, question) -> CandidateDriver.Answer.typed(
                        position % 2 == 1 ? answers.story() : answers.dontKnow()),
                Integer.MAX_VALUE, Duration.ofSeconds(90));

        LocalMailbox.Email reportEmail = Poll.until("the report email", Duration.ofSeconds(60),
                () -> mailbox.to(recipient).stream().findFirst());
        assertThat(reportEmail.subject().startsWith("Screening report")).as(reportEmail.subject())
                .isEqualTo(reportLanguage == null);
        assertThat(reportEmail.text()).contains(answers.story());
        JsonNode ranking = recruiter.get("/plans/" + planId + "/candidates").json().path("items");
        JsonNode report = recruiter.get("/interviews/" + ranking.get(0).path("interviewId").asText() + "/report").json()
                .path("report");
        assertThat(report.path("language").asText()).isEqualTo(language);
        JsonNode questions = report.path("questions");
        assertThat(questions).hasSize(7);
        for (int i = 0; i < 7; i += 2) {
            JsonNode told = questions.get(i);
            assertThat(told.path("transcript").toString()).contains(answers.story());
            if (i + 1 < 7) {
                JsonNode unknown = questions.get(i + 1);
                assertThat(unknown.path("flags").toString()).as(language + " " + unknown).contains("no_answer");
                assertThat(told.path("score").asInt()).as(language + " " + told).isGreaterThan(
                        unknown.path("score").asInt());
            }
        }
    }

    @Test
    void unsupportedLanguagesAndMissingBankQuestionsAreRefusedByName(LocalRuntime runtime) {
        ApiClient recruiter = ApiClient.recruiter(runtime, "org-" + UUID.randomUUID());
        Map<String, Object> klingonPlan = plan("en-US", null, "h@acme.example");
        klingonPlan.put("language", "tlh");
        ApiClient.Response klingon = recruiter.post("/plans", klingonPlan);
        assertThat(klingon.status()).isEqualTo(400);
        assertThat(klingon.errorFields()).containsExactly("language");
        assertThat(klingon.raw()).contains("es-ES", "sv-SE", "pl-PL");
        Map<String, Object> missing = plan("pl-PL", null, "h@acme.example");
        List<Object> questions = new ArrayList<>((List<?>) missing.get("questions"));
        questions.set(2, Map.of("bankQuestion", 42));
        missing.put("questions", questions);
        ApiClient.Response refused = recruiter.post("/plans", missing);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("questions.2.bankQuestion");
        assertThat(refused.raw()).contains("question 3");
        assertThat(recruiter.get("/question-banks/backend-engineer?language=xx-XX").errorFields())
                .containsExactly("language");
    }

    static List<String> otherLanguages() {
        return Languages.SUPPORTED.stream().filter(code -> !code.equals(Languages.DEFAULT)).toList();
    }

    /** espeak-ng speaks all nine: real audio in the language goes up, and the local recogniser says it cannot read it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherLanguages")
    void aSpokenAnswerInALanguageTheLocalRecogniserLacksGoesToAPerson(String language, LocalRuntime runtime) {
        String story = ANSWERS.get(language).story();
        Optional<byte[]> spoken = Demo.speak(story, language);
        Assumptions.assumeTrue(spoken.isPresent(), "espeak-ng is not installed: no " + language + " audio to upload");
        ApiClient recruiter = ApiClient.recruiter(runtime, "org-" + UUID.randomUUID());
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        String recipient = "hiring-" + UUID.randomUUID() + "@acme.example";
        String planId = recruiter.post("/plans", plan(language, null, recipient)).json().path("planId").asText();
        String email = "cand-" + UUID.randomUUID() + "@candidates.example";
        recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(Map.of("name", "Uwe", "email", email))));
        LocalMailbox.Email invitation = Poll.until("the invitation", Duration.ofSeconds(30),
                () -> mailbox.to(email).stream().findFirst());
        new CandidateDriver(runtime.apiEndpoint(), invitation.interviewLink().orElseThrow()).run(
                (position, kind, question) -> position == 1 ? CandidateDriver.Answer.spoken(spoken.get())
                        : CandidateDriver.Answer.typed(story), Integer.MAX_VALUE, Duration.ofSeconds(120));
        Poll.until("the report email", Duration.ofSeconds(90), () -> mailbox.to(recipient).stream().findFirst());
        JsonNode ranking = recruiter.get("/plans/" + planId + "/candidates").json().path("items");
        assertThat(ranking.get(0).path("needsReview").toString()).isEqualTo("[1]");
        JsonNode questions = recruiter.get("/interviews/" + ranking.get(0).path("interviewId").asText() + "/report")
                .json().path("report").path("questions");
        assertThat(questions.get(0).toString()).contains("no local recogniser for " + language);
        // typed answers are scored as in AWS, by the language's pack
        assertThat(questions.get(2).path("score").asInt()).isBetween(1, 5);
        assertThat(questions.get(2).path("rule").asText()).isNotBlank();
    }
}
