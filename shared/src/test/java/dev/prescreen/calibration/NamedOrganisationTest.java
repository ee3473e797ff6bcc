package dev.prescreen.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.bank.BankQuestion;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.ScoringInput;
import org.junit.jupiter.api.Test;

/** A company named only by its own name ("at Spotify", "at zalando") is an employer, unless it is a technology. */
class NamedOrganisationTest {

    private final RubricScorer scorer = new RubricScorer();
    private final BankQuestion cloud = QuestionBanks.builtIn().find("backend-engineer", "en-US").orElseThrow().question(5).orElseThrow();

    @Test
    void aProperNounAfterAtIsANamedEmployer() {
        ScoreCard card = scorer.score(ScoringInput.of(cloud.text(), QuestionType.EXPERIENCE, cloud.concepts(),
                "At Spotify I ran podcast ingestion on AWS for three years: Lambda, SQS, DynamoDB and S3, all in CDK. "
                        + "I moved the transcoding fleet from EC2 to Fargate, which cut our compute bill by 40 percent."));
        assertThat(card.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("named_employer");
            assertThat(e.quote()).isEqualTo("Spotify");
        });
        assertThat(card.score()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aLowerCaseNameAfterAtIsANamedEmployerInATranscript() {
        ScoreCard card = scorer.score(ScoringInput.of(cloud.text(), QuestionType.EXPERIENCE, cloud.concepts(),
                "at zalando i was on the returns team for three years, i moved our batch jobs from ec2 to lambda "
                        + "and step functions and the monthly bill went from 9000 dollars to 2500."));
        assertThat(card.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("named_employer");
            assertThat(e.quote()).isEqualTo("zalando");
        });
        assertThat(card.score()).isEqualTo(5);
    }

    @Test
    void anOrdinaryWordAfterAtIsNoEmployer() {
        ScoreCard card = scorer.score(ScoringInput.of(cloud.text(), QuestionType.EXPERIENCE, cloud.concepts(),
                "i used aws at work, mostly s3 and ec2, and at night i tried lambda at home for a side project."));
        assertThat(card.evidence()).noneMatch(e -> e.kind().equals("named_employer"));
    }

    @Test
    void aTechnologyAfterAtIsNoEmployer() {
        ScoreCard card = scorer.score(ScoringInput.of(cloud.text(), QuestionType.EXPERIENCE, cloud.concepts(),
                "I wrote operators for Kubernetes and providers for Terraform, and I know the cloud well."));
        assertThat(card.evidence()).noneMatch(e -> e.kind().equals("named_employer"));
    }
}
