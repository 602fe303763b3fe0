package dev.contentservice.adapter.objectstore;

import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.contract.ImageStoreContract;
import dev.contentservice.domain.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The S3 store passes the ImageStore contract against a real S3 API server (S3Proxy). */
class S3ImageStoreContractTest extends ImageStoreContract {
    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    private final List<S3ImageStore> opened = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.now());

    @Override
    protected ImageStore createImageStore() {
        String bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        S3.createBucket(bucket);
        S3ImageStore store = new S3ImageStore(S3.settings(bucket).withPrefix("events"), clock);
        opened.add(store);
        return store;
    }

    /** The store's clock moves; the bucket keeps objects until its lifecycle rule deletes them. */
    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3ImageStore::close);
        opened.clear();
    }
}
