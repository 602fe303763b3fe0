package dev.contentservice.bootstrap;

import java.util.concurrent.CountDownLatch;

/** Starts the Content Service from the environment; SIGTERM and Ctrl-C shut it down gracefully. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        ContentConfig config;
        try {
            config = ContentConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("content-service: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        ContentService service;
        try {
            service = ContentService.start(config);
        } catch (InvalidSettingException e) {
            System.err.println("content-service: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.close();
                            stopped.countDown();
                        },
                        "content-shutdown"));
        stopped.await();
    }
}
