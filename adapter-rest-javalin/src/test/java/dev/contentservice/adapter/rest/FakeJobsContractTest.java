package dev.contentservice.adapter.rest;

import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.contract.JobRepositoryContract;
import java.time.Duration;

/** The REST tests' job store, switches off, is a {@link JobRepository} like any other. */
class FakeJobsContractTest extends JobRepositoryContract {
    private Fakes.Jobs jobs;

    @Override
    protected JobRepository createJobRepository() {
        jobs = new Fakes.Jobs();
        return jobs;
    }

    @Override
    protected void letTimePass(Duration duration) {
        jobs.letTimePass(duration);
    }
}
