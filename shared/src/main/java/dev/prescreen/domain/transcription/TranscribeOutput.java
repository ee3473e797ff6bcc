package dev.prescreen.domain.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.domain.Transcript;
import dev.prescreen.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Amazon Transcribe's output JSON: the full text from {@code results.transcripts}, and the items
 * (pronunciations with start and end times and the best alternative's confidence; punctuation without
 * times). Written by AWS, and locally by the Transcribe stand-in in the same format.
 */
public final class TranscribeOutput {

    private TranscribeOutput() {
    }

    public static Transcript parse(String json) {
        JsonNode results = Json.read(json, JsonNode.class).path("results");
        StringBuilder text = new StringBuilder();
        for (JsonNode transcript : results.path("transcripts")) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(transcript.path("transcript").asText(""));
        }
        List<Transcript.Word> words = new ArrayList<>();
        for (JsonNode item : results.path("items")) {
            JsonNode best = item.path("alternatives").path(0);
            boolean punctuation = "punctuation".equals(item.path("type").asText());
            words.add(new Transcript.Word(best.path("content").asText(""),
                    punctuation ? 0 : item.path("start_time").asDouble(0),
                    punctuation ? 0 : item.path("end_time").asDouble(0),
                    best.path("confidence").asDouble(punctuation ? 1.0 : 0.0),
                    punctuation));
        }
        return new Transcript(text.toString().trim(), words);
    }

    /** The end of the last spoken word: the speech's length, a lower bound of the recording's. */
    public static double spokenSeconds(Transcript transcript) {
        return transcript.words().stream().filter(w -> !w.punctuation()).mapToDouble(Transcript.Word::endSeconds)
                .max().orElse(0);
    }
}
