package dev.prescreen.transcription;

import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.transcription.TranscriptQualityGate;
import dev.prescreen.domain.transcription.TranscriptionService;
import dev.prescreen.messages.SqsPipelineEvents;
import dev.prescreen.storage.DynamoInterviewRepository;
import java.time.Clock;

/** Wires the transcription service to AWS, the same way for each of the module's handlers. */
final class TranscriptionFunctions {

    private TranscriptionFunctions() {
    }

    /**
     * Priming's warm-up for the functions that collect transcripts: the quality gate's language model is reached only
     * for a transcript that exists, so it detects a sample sentence's language, in memory.
     */
    static void detectASampleLanguage() {
        new OpenNlpLanguageDetector().detect("I moved our ingestion to queues and it cut our costs by forty percent.");
    }

    static TranscriptionService service(AwsClients clients, Settings settings) {
        return new TranscriptionService(
                new DynamoInterviewRepository(clients.dynamoDb(), settings.tableName(Table.MAIN)),
                new TranscribeSpeechToText(clients.transcribe()),
                new S3TranscriptFiles(clients.s3(), settings.bucketName(Bucket.TRANSCRIPTS)),
                new S3RecordingFiles(clients.s3(), settings.bucketName(Bucket.RECORDINGS)),
                new TranscriptQualityGate(new OpenNlpLanguageDetector()),
                // Starting jobs hands nothing to scoring; collecting them does.
                new SqsPipelineEvents(clients.sqs(), settings.find(Settings.queueUrlKey(Queue.SCORING)).orElse(null)),
                settings.bucketName(Bucket.RECORDINGS),
                settings.bucketName(Bucket.TRANSCRIPTS),
                Clock.systemUTC());
    }
}
