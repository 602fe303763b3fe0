// The BullMQ side of the round-trip count (bench.jar roundtrips-bullmq runs it under redis-cli MONITOR).
//   node bullmq-roundtrips.mjs <redisUrl> <jobs> <arriving|backlog> <warmupJobs>
// Runs <warmupJobs> jobs first (scripts loaded, connections open), prints WARMED and waits for a line on
// stdin; with "arriving" it then starts the worker, prints STARTED and waits for a line (the harness starts
// counting once the worker waits for jobs: a worker's start is not a cost per job), and adds the jobs one
// after another (each add awaited); with "backlog" it prints STARTED at once, waits for a line and adds
// every job before the worker starts. The processor completes
// at once and returns the job's three image URLs, which BullMQ stores on the job as it completes it (as the
// service's finishing script stores the image set). Prints DONE {"jobs":…} when the last job has completed,
// then waits for a line on stdin (the count has stopped) before it closes its connections.
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { createInterface } from 'node:readline';

const [redisUrl, jobsArg, mode, warmupArg] = process.argv.slice(2);
const jobs = Number.parseInt(jobsArg ?? '100', 10);
const warmup = Number.parseInt(warmupArg ?? '100', 10);
const arriving = mode !== 'backlog';

const guard = setTimeout(() => {
  console.error('bullmq round-trip count did not finish within 3 minutes');
  process.exit(2);
}, 3 * 60 * 1000);

const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once('line', resolve));

const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
const queueName = `rt-${process.pid}`;
const queue = new Queue(queueName, { connection });
await queue.waitUntilReady();

const recommendation = {
  eventInfo: { storeName: '해피 베이커리', title: '봄맞이 신메뉴 출시 이벤트' },
  selectedRecommendation: { title: '딸기 크루아상 시식 이벤트', tone: '밝고 경쾌한' },
};

const processor = async (job) => ({
  simple: `http://127.0.0.1/images/${job.id}-simple.png`,
  fancy: `http://127.0.0.1/images/${job.id}-fancy.png`,
  trendy: `http://127.0.0.1/images/${job.id}-trendy.png`,
});

async function round(prefix, count, workerFirst, counted) {
  let completed = 0;
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  const start = () => {
    const worker = new Worker(queueName, processor, { connection: connection.duplicate(), concurrency: 256 });
    worker.on('completed', () => {
      completed++;
      if (completed === count) {
        resolveDone();
      }
    });
    worker.on('failed', (job, error) => console.error(`job ${job?.id} failed: ${error}`));
    return worker;
  };
  let worker = workerFirst ? start() : null;
  if (worker) {
    await worker.waitUntilReady();
  }
  if (counted) {
    console.log('STARTED');
    await nextLine();
  }
  for (let i = 0; i < count; i++) {
    await queue.add('image-gen', { eventDraftId: `${prefix}${i}`, recommendation });
  }
  if (!worker) {
    worker = start();
  }
  await done;
  return worker;
}

try {
  const warm = await round('warm-', warmup, true, false);
  await warm.close();
  console.log('WARMED');
  await nextLine();
  const worker = await round('rt-', jobs, arriving, true);
  console.log(`DONE ${JSON.stringify({ jobs, mode: arriving ? 'arriving' : 'backlog' })}`);
  await nextLine();
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  clearTimeout(guard);
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
