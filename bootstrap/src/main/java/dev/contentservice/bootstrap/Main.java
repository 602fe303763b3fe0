package dev.contentservice.bootstrap;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the Content Service from the environment; SIGTERM and Ctrl-C shut it down gracefully. A bad
 * setting or a port in use ends the start with exit code 2 and one line naming the variable; any other
 * start-up failure with exit code 1 and one line.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        ContentService service;
        try {
            ContentConfig config = ContentConfig.fromEnvironment();
            LogSetup.apply(config.ops());
            service = ContentService.start(config);
        } catch (RuntimeException | LinkageError e) {
            StartupFailure failure = StartupFailure.of(e);
            System.err.println("content-service: " + failure.line());
            System.exit(failure.exitCode());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.close();
                            LogSetup.flush(); // the last lines, before the JVM halts
                            stopped.countDown();
                        },
                        "content-shutdown"));
        stopped.await();
    }
}
