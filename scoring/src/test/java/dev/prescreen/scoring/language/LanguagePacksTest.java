package dev.prescreen.scoring.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguagePacksTest {

    static final List<String> INTERVIEW_LANGUAGES = List.of("en-US", "es-ES", "fr-FR", "de-DE", "pt-BR", "it-IT",
            "nl-NL", "pl-PL", "sv-SE");

    @Test
    void everyInterviewLanguageHasAPackWhoseLexiconGivesEveryNameItsStyleNeeds() {
        assertThat(LanguagePacks.languages()).containsExactlyElementsOf(INTERVIEW_LANGUAGES);
        for (String language : INTERVIEW_LANGUAGES) {
            LanguagePack pack = LanguagePacks.create(language);
            assertThat(pack.language()).isEqualTo(language);
            assertThat(pack.lexicon().missing(pack.requiredNames())).as(language).isEmpty();
            assertThat(pack.version()).as(language).contains(language.equals("en-US") ? "en-" : language);
        }
    }

    @Test
    void onlyEnglishUsesTheTaggerAndTheEmbeddingModel() {
        for (String language : INTERVIEW_LANGUAGES) {
            LanguagePack pack = LanguagePacks.create(language);
            boolean english = language.equals("en-US");
            assertThat(pack.semanticRelevance()).as(language).isEqualTo(english);
            assertThat(pack.clauseStyle()).as(language)
                    .isEqualTo(english ? ClauseStyle.PARTS_OF_SPEECH : ClauseStyle.VERB_FORMS);
            assertThat(pack.requiredNames()).as(language).contains(english ? LexiconName.AUX_PAST : LexiconName.I_PAST);
        }
    }

    @Test
    void packsStemTheLanguagesWordsToOneStemWithOrWithoutDiacritics() {
        assertThat(LanguagePacks.create("es-ES").stem("migraciones")).isEqualTo(LanguagePacks.create("es-ES").stem("migración"));
        assertThat(LanguagePacks.create("de-DE").stem("Datenbanken")).isEqualTo(LanguagePacks.create("de-DE").stem("datenbank"));
        assertThat(LanguagePacks.create("fr-FR").stem("déploiements")).isEqualTo(LanguagePacks.create("fr-FR").stem("deploiement"));
        assertThat(LanguagePacks.create("sv-SE").stem("tjänsterna")).isEqualTo(LanguagePacks.create("sv-SE").stem("tjänster"));
        assertThat(LanguagePacks.create("pl-PL").stem("bazach")).isEqualTo(LanguagePacks.create("pl-PL").stem("bazy"));
    }

    @Test
    void aLanguageNamesTheSharedTechnologiesItsOwnWay() {
        assertThat(terms("pl-PL", "przeniosłam zamówienia na kafkę i kubernetesa")).contains("kafka", "kubernetes");
        assertThat(terms("es-ES", "añadí dos índices")).contains("index");
        assertThat(terms("de-DE", "die indizes neu angelegt")).contains("index");
        assertThat(terms("en-US", "añadí dos índices")).doesNotContain("index");
    }

    private static List<String> terms(String language, String text) {
        LanguagePack pack = LanguagePacks.create(language);
        List<String> forms = pack.analyze(text).stream().flatMap(s -> s.tokens().stream()).map(t -> t.form()).toList();
        return pack.technologies().find(forms).stream().map(TechLexicon.Match::term).toList();
    }

    @Test
    void aLanguageWithoutAPackIsRefusedNamingThoseThatHaveOne() {
        assertThat(LanguagePacks.supports("ja-JP")).isFalse();
        assertThat(LanguagePacks.supports("en-GB")).isTrue();
        assertThatThrownBy(() -> LanguagePacks.create("ja-JP")).hasMessageContaining("ja-JP").hasMessageContaining("sv-SE");
    }
}
