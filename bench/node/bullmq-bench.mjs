// The BullMQ side of the worker-throughput benchmark.
//   node bullmq-bench.mjs <redisUrl> <jobs> <concurrency> <warmupJobs>
// Adds <warmupJobs> jobs and processes them (not timed), in rounds of at most 10,000 (each added, then
// processed, as the service's side warms up); then adds <jobs> jobs with no worker running,
// starts a worker with <concurrency> and times from its start until the last of them has completed.
// The processor mirrors what the service's worker does with a zero-latency generator: three no-op async
// steps in parallel (the three styles), then it writes the result (a hash of three URLs with a TTL).
// Prints one line: BULLMQ_JSON {"jobs":…,"seconds":…,"perSecond":…,"cpuMsPerJob":…,"redisCpuMsPerJob":…}. Exits by itself within 5 minutes.
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';

const [redisUrl, jobsArg, concurrencyArg, warmupArg] = process.argv.slice(2);
const jobs = Number.parseInt(jobsArg ?? '10000', 10);
const concurrency = Number.parseInt(concurrencyArg ?? '256', 10);
const warmup = Number.parseInt(warmupArg ?? '500', 10);
// the warm-up runs in rounds of at most this many jobs, each as the timed part (added, then processed)
const WARMUP_ROUND = 10000;
const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;

const guard = setTimeout(() => {
  console.error('bullmq benchmark did not finish within 5 minutes');
  process.exit(2);
}, 5 * 60 * 1000);

const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
const results = new IORedis(redisUrl, { maxRetriesPerRequest: null });
const queueName = `bench-${process.pid}-${Date.now()}`;
const queue = new Queue(queueName, { connection });

const recommendation = {
  eventInfo: { storeName: '해피 베이커리', title: '봄맞이 신메뉴 출시 이벤트' },
  selectedRecommendation: { title: '딸기 크루아상 시식 이벤트', tone: '밝고 경쾌한' },
};

async function produce(count, prefix) {
  for (let from = 0; from < count; from += 1000) {
    const batch = [];
    for (let i = from; i < Math.min(count, from + 1000); i++) {
      batch.push({ name: 'image-gen', data: { eventDraftId: `${prefix}${i}`, recommendation } });
    }
    await queue.addBulk(batch);
  }
}

const step = async (style, job) => `http://127.0.0.1/images/${job.id}-${style}.png`;

async function processor(job) {
  const [simple, fancy, trendy] = await Promise.all([step('simple', job), step('fancy', job), step('trendy', job)]);
  const key = `bullmq:image:${job.data.eventDraftId}`;
  await results.multi().hset(key, { simple, fancy, trendy }).pexpire(key, SEVEN_DAYS_MS).exec();
  return { simple, fancy, trendy };
}

// what redis-server has spent on CPU since it started (user and system, INFO cpu)
async function redisCpuSeconds() {
  const info = await results.info('cpu');
  return info
    .split(/\r?\n/)
    .filter((line) => line.startsWith('used_cpu_sys:') || line.startsWith('used_cpu_user:'))
    .reduce((sum, line) => sum + Number.parseFloat(line.split(':')[1]), 0);
}

function runWorker(count) {
  return new Promise((resolve, reject) => {
    let completed = 0;
    let failed = 0;
    const started = process.hrtime.bigint();
    const workerConnection = connection.duplicate();
    const worker = new Worker(queueName, processor, { connection: workerConnection, concurrency });
    worker.on('completed', () => {
      completed++;
      if (completed + failed === count) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        worker
          .close()
          .then(() => workerConnection.quit())
          .then(() => resolve({ seconds, completed, failed }), reject);
      }
    });
    worker.on('failed', () => {
      failed++;
    });
    worker.on('error', reject);
  });
}

try {
  for (let round = 0, left = warmup; left > 0; round++) {
    const count = Math.min(left, WARMUP_ROUND);
    await produce(count, `bullmq-warmup-${round}-`);
    await runWorker(count);
    left -= count;
  }
  await produce(jobs, 'bullmq-');
  const redisCpuBefore = await redisCpuSeconds();
  const cpuBefore = process.cpuUsage();
  const { seconds, completed, failed } = await runWorker(jobs);
  const cpu = process.cpuUsage(cpuBefore);
  const redisCpu = (await redisCpuSeconds()) - redisCpuBefore;
  if (failed > 0) {
    throw new Error(`${failed} jobs failed`);
  }
  const cpuMsPerJob = (cpu.user + cpu.system) / 1000 / completed;
  const redisCpuMsPerJob = (redisCpu * 1000) / completed;
  console.log(
    `BULLMQ_JSON ${JSON.stringify({ jobs: completed, seconds, perSecond: completed / seconds, concurrency, cpuMsPerJob, redisCpuMsPerJob })}`,
  );
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  await results.quit();
  clearTimeout(guard);
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
