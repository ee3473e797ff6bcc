package dev.prescreen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue syntax and formatting: placeholders, plurals, escaping, numbers, errors. */
class MessagesTest {

    @Test
    void aMissingKeyIsAnErrorNamingTheKeyAndTheCatalogueNeverAFallback() {
        assertThatThrownBy(() -> Messages.of("de-DE").text("no.such.key"))
                .isInstanceOf(Messages.MissingMessageException.class)
                .hasMessageContaining("no.such.key").hasMessageContaining("de-DE")
                .hasMessageContaining("messages/de-DE.properties");
        assertThatThrownBy(() -> Messages.of("fr-FR").html("no.such.key"))
                .isInstanceOf(Messages.MissingMessageException.class);
    }

    @Test
    void onlyTheSupportedLanguagesHaveCatalogues() {
        assertThatThrownBy(() -> Messages.of("xx-XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx-XX").hasMessageContaining("sv-SE");
        assertThatThrownBy(() -> Messages.of("de")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Messages.of(null).language()).isEqualTo("en-US");
        assertThat(Messages.of("pl-PL")).isSameAs(Messages.of("pl-PL"));
    }

    @Test
    void argumentsAreNamedAndMustMatchTheMessage() {
        Messages en = Messages.of("en-US");
        assertThat(en.text("invitation.subject", "role", "Data Engineer"))
                .isEqualTo("Your screening interview for Data Engineer");
        assertThatThrownBy(() -> en.text("invitation.subject")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"role\"");
        assertThatThrownBy(() -> en.text("invitation.subject", "role", "x", "title", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> en.text("invitation.subject", "role"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> en.text("invitation.subject", "role", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(en.arguments("email.details")).containsExactly("deadline", "minutes", "questions");
    }

    @Test
    void apostrophesAndHashesOutsidePluralsAreOrdinaryCharacters() {
        Messages fr = Messages.of("fr-FR");
        assertThat(fr.text("consent.sharing")).isEqualTo("L'équipe de recrutement reçoit les notes et la transcription complète.");
        assertThat(fr.text("consent.timing", "questions", 8, "seconds", 120, "minutes", 20))
                .contains("l'une après l'autre", "jusqu'à 120 secondes", "20 minutes");
        Messages it = Messages.fromTemplates("it-IT", Map.of("k", "L'ordine #{n} dell'{who}"));
        assertThat(it.text("k", "n", 3, "who", "utente")).isEqualTo("L'ordine #3 dell'utente");
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        assertThat(Messages.category("en-US", 1)).isEqualTo("one");
        assertThat(Messages.category("en-US", 0)).isEqualTo("other");
        assertThat(Messages.category("fr-FR", 0)).isEqualTo("one");
        assertThat(Messages.category("pt-BR", 1)).isEqualTo("one");
        assertThat(Messages.category("pt-BR", 2)).isEqualTo("other");
        assertThat(Messages.category("pl-PL", 1)).isEqualTo("one");
        assertThat(Messages.category("pl-PL", 2)).isEqualTo("few");
        assertThat(Messages.category("pl-PL", 4)).isEqualTo("few");
        assertThat(Messages.category("pl-PL", 5)).isEqualTo("many");
        assertThat(Messages.category("pl-PL", 12)).isEqualTo("many");
        assertThat(Messages.category("pl-PL", 14)).isEqualTo("many");
        assertThat(Messages.category("pl-PL", 22)).isEqualTo("few");
        assertThat(Messages.category("pl-PL", 25)).isEqualTo("many");
        assertThat(Messages.category("pl-PL", 112)).isEqualTo("many");

        Messages pl = Messages.of("pl-PL");
        assertThat(pl.text("consent.retention", "days", 1)).contains("przez 1 dzień,");
        assertThat(pl.text("consent.retention", "days", 3)).contains("przez 3 dni,");
        assertThat(pl.text("consent.timing", "questions", 8, "seconds", 30, "minutes", 22))
                .contains("8 pytań zadawanych", "do 30 sekund", "najwyżej 22 minuty.");
        assertThat(pl.text("consent.timing", "questions", 3, "seconds", 30, "minutes", 15))
                .contains("3 pytania zadawane", "najwyżej 15 minut.");
        Messages en = Messages.of("en-US");
        assertThat(en.text("consent.retention", "days", 1)).isEqualTo("Recordings are kept for 1 day and then deleted.");
        assertThat(en.text("consent.retention", "days", 30)).isEqualTo("Recordings are kept for 30 days and then deleted.");
    }

    @Test
    void aPluralMustCoverTheLanguagesCategories() {
        assertThatThrownBy(() -> Messages.fromTemplates("pl-PL", Map.of("k", "{n, plural, one {#} other {#}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("few").hasMessageContaining("\"k\"");
        assertThatThrownBy(() -> Messages.fromTemplates("en-US", Map.of("k", "{n, plural, one {#} few {#} other {#}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("few");
        assertThatThrownBy(() -> Messages.fromTemplates("en-US", Map.of("k", "{n, plural, one {#}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> Messages.fromTemplates("en-US", Map.of("k", "a {n")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Messages.fromTemplates("en-US", Map.of("k", "a } b")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unmatched");
        assertThatThrownBy(() -> Messages.fromTemplates("en-US", Map.of("k", "{n, choice, 1#x}")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Messages.fromTemplates("en-US", Map.of("k", "{n, plural, one {#} other {#}}"))
                .text("k", "n", 1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void htmlEscapesTheMessageAndEveryArgumentButMarkup() {
        Messages en = Messages.of("en-US");
        assertThat(en.html("email.greeting", "name", "<b>Bob</b> & 'Eve'"))
                .isEqualTo("Hello &lt;b&gt;Bob&lt;/b&gt; &amp; &#39;Eve&#39;,");
        assertThat(en.html("email.personal", "contact", Messages.markup("<a href=\"mailto:x@y\">x@y</a>")))
                .endsWith("Write to <a href=\"mailto:x@y\">x@y</a>.");
        assertThat(Messages.of("fr-FR").html("consent.sharing")).startsWith("L&#39;équipe");
        assertThatThrownBy(() -> en.text("email.personal", "contact", Messages.markup("<a>x</a>")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreWrittenInTheLanguagesLocale() {
        assertThat(Messages.of("en-US").number(12345)).isEqualTo("12,345");
        assertThat(Messages.of("de-DE").number(12345)).isEqualTo("12.345");
        assertThat(Messages.of("de-DE").number(2.5)).isEqualTo("2,5");
        assertThat(Messages.of("de-DE").text("report.rank", "rank", 1, "ranked", 1200))
                .isEqualTo("Rang: 1 von 1.200 abgeschlossenen");
    }

    @Test
    void aStoredTextIsRecognisedByItsMessage() {
        Messages en = Messages.of("en-US");
        assertThat(en.match("report.reason.needsReview", "needs human review: mean word confidence 0.41"))
                .hasValue(Map.of("detail", "mean word confidence 0.41"));
        assertThat(en.match("report.reason.needsReview", "no answer was given")).isEmpty();
    }
}
