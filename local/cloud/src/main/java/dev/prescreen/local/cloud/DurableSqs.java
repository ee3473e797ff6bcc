package dev.prescreen.local.cloud;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.Await;
import scala.util.Either;
import scalikejdbc.ConnectionPool;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ whose queues and messages are kept in an H2 database in a folder, so that a crash loses no
 * message in flight: ElasticMQ answers a send, receive or delete only after its SQL persistence actor wrote
 * the change, and H2 is told to write every commit to its file at once ({@code WRITE_DELAY=0}) instead of
 * within the next second. On start the stored queues are restored with their messages (including their
 * visibility), and start returns only once that is done, so creating the queues again finds them.
 *
 * <p>This is ElasticMQ's own server wiring ({@code org.elasticmq.server.ElasticMQServer}) done here, because
 * that class restores the queues asynchronously and, when restoring fails, only logs and shuts down.
 *
 * <p>ElasticMQ's SQL store uses scalikejdbc's JVM-wide default connection pool, so one JVM keeps at most one
 * durable SQS at a time; a second one (another folder) fails instead of silently sharing the first's store.
 */
final class DurableSqs implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicReference<String> OPEN = new AtomicReference<>();

    private final String uri;
    private final ActorSystem system;
    private final SQSRestServer server;
    private boolean closed;

    private DurableSqs(String uri, ActorSystem system, SQSRestServer server) {
        this.uri = uri;
        this.system = system;
        this.server = server;
    }

    static DurableSqs start(Path folder, int port, String region, String accountId) {
        String uri = "jdbc:h2:" + folder.toAbsolutePath().normalize().resolve("elasticmq") + ";WRITE_DELAY=0";
        if (!OPEN.compareAndSet(null, uri)) {
            throw new IllegalStateException("this JVM already keeps durable local queues in " + OPEN.get()
                    + "; ElasticMQ's message store is one per JVM");
        }
        ActorSystem system = null;
        try {
            // ElasticMQ sets scalikejdbc's default pool up once per JVM and never again: point it at this store
            // (again, after an earlier durable SQS in this JVM was closed).
            ConnectionPoolSettings poolSettings = ConnectionPool.singleton$default$4();
            ConnectionPool.singleton(uri, "", "", poolSettings, ConnectionPool.singleton$default$5(uri, "", "", poolSettings));
            SqlQueuePersistenceConfig store = new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "", "", false);
            system = ActorSystem.create("elasticmq");
            ActorRef persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class, store,
                    scala.collection.immutable.List$.MODULE$.empty()));
            ActorRef queueManager = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                    StrictSQSLimits$.MODULE$, Option.apply(persistence)));
            restore(persistence, queueManager);
            SQSRestServer server = SQSRestServerBuilder
                    .withActorSystem(system)
                    .withQueueManagerActor(queueManager)
                    .withQueueEventListener(persistence)
                    .withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId)
                    .start();
            server.waitUntilStarted();
            return new DurableSqs(uri, system, server);
        } catch (RuntimeException e) {
            if (system != null) {
                terminate(system);
            }
            ConnectionPool.closeAll();
            OPEN.set(null);
            throw new IllegalStateException("cannot start the local queues on their store in " + folder
                    + " (is another stack using it? deleting that folder starts with no queued messages): "
                    + e.getMessage(), e);
        }
    }

    private static void restore(ActorRef persistence, ActorRef queueManager) {
        CompletionStage<Object> reply = Patterns.ask(persistence, new QueueEvent.Restore(queueManager), TIMEOUT);
        Object result;
        try {
            result = reply.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot restore the local queues from their store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the local queues", e);
        }
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("cannot restore the local queues from their store: " + either);
        }
    }

    String uri() {
        return uri;
    }

    private static void terminate(ActorSystem system) {
        try {
            Await.result(system.terminate(), scala.concurrent.duration.Duration.create(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            System.err.println("local cloud: the queue service did not stop cleanly: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stopAndWait();
        } finally {
            terminate(system);
            // Closing the pool closes the H2 database (its file is compacted and unlocked).
            ConnectionPool.closeAll();
            OPEN.compareAndSet(uri, null);
        }
    }
}
