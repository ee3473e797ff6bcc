package dev.prescreen.scoring.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void foldsDiacriticsOneCharacterForOneSoOffsetsStay() {
        String text = "Zrobiłam migrację, ÉTÉ à Köln; tjänsten på Ålesund — naïve façade, ß";
        String folded = Folding.fold(text);
        assertThat(folded).hasSameSizeAs(text).isEqualTo("zrobilam migracje, ete a koln; tjansten pa alesund — naive facade, ß");
        assertThat(Folding.fold("l’api")).isEqualTo("l'api");
    }
}
