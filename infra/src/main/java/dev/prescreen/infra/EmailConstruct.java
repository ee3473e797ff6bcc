package dev.prescreen.infra;

import java.util.List;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.constructs.Construct;

/**
 * Sending email with SES v2: the sender address and a configuration set, both named by deployment
 * parameters (the address or its domain must be a verified SES identity). The configuration set publishes
 * bounces and complaints to the default event bus, from where {@link ServiceEventsConstruct} routes them to
 * the email-events queue.
 */
public final class EmailConstruct extends Construct {

    static final String SENDER_EMAIL_PARAMETER = "SenderEmail";
    static final String CONFIGURATION_SET_PARAMETER = "SesConfigurationSetName";

    private String senderEmail;
    private final ConfigurationSet configurationSet;

    public EmailConstruct(Construct scope, String id) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String configurationSetName = CfnParameter.Builder.create(stack, CONFIGURATION_SET_PARAMETER)
                .type("String")
                .description("Name of the SES configuration set the stack creates; unique per account and region")
                .defaultValue("prescreen")
                .allowedPattern("^[a-zA-Z0-9_-]{1,64}$")
                .build().getValueAsString();
        this.configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
                .configurationSetName(configurationSetName)
                .build();
        configurationSet.addEventDestination("BouncesAndComplaints", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.eventBus(EventBus.fromEventBusName(this, "DefaultBus", "default")))
                .events(List.of(EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT))
                .build());
    }

    /**
     * The sender address, a deployment parameter. The stack asks for it only once a function sends email,
     * since CloudFormation rejects values for parameters a template does not declare and warns about
     * declared ones it does not use.
     */
    public String senderEmail() {
        if (senderEmail == null) {
            senderEmail = CfnParameter.Builder.create(Stack.of(this), SENDER_EMAIL_PARAMETER)
                    .type("String")
                    .description("From address of invitations, reminders and reports; the address or its domain"
                            + " must be a verified SES identity in this region")
                    .allowedPattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
                    .constraintDescription("an email address")
                    .build().getValueAsString();
        }
        return senderEmail;
    }

    public String configurationSetName() {
        return configurationSet.getConfigurationSetName();
    }

    /**
     * What ses:SendEmail is authorised against: the sender's identity, which is either the address itself
     * or its domain, and the configuration set.
     */
    public List<String> sendingResources() {
        String domain = Fn.select(1, Fn.split("@", senderEmail()));
        return List.of(identityArn(senderEmail()), identityArn(domain), Arn.format(ArnComponents.builder()
                .service("ses").resource("configuration-set").resourceName(configurationSetName()).build(),
                Stack.of(this)));
    }

    private String identityArn(String identity) {
        return Arn.format(ArnComponents.builder().service("ses").resource("identity").resourceName(identity).build(),
                Stack.of(this));
    }
}
