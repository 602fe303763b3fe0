package dev.contentservice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The baseline: the practical limit of this stack. A minimal Javalin app on the same paths as the service
 * whose handlers make exactly one Jedis call each and answer the same JSON:
 *
 * <ul>
 *   <li>status: one EVALSHA that returns the job hash and its draft's image hash in one round trip;
 *   <li>generate: one HSET of a new job hash.
 * </ul>
 *
 * <p>No validation, no dedupe, no queue, no error mapping: whatever the service does beyond this is its
 * own cost. Run as {@code java -jar bench.jar baseline <port> <redisPort>}.
 */
final class BaselineApp {
    private static final String READ_STATUS = "local job = redis.call('HGETALL', KEYS[1])\n"
            + "local draft = nil\n"
            + "for i = 1, #job, 2 do if job[i] == 'eventDraftId' then draft = job[i + 1] end end\n"
            + "local images = {}\n"
            + "if draft then images = redis.call('HGETALL', 'content:image:' .. draft) end\n"
            + "return {job, images}\n";

    private final RedisClient redis;
    private final ObjectMapper json = new ObjectMapper();
    private final String readStatusSha;

    private BaselineApp(RedisClient redis) {
        this.redis = redis;
        this.readStatusSha = redis.scriptLoad(READ_STATUS);
    }

    static void main(int port, int redisPort) {
        // the same pool and timeouts as the service's Redis adapter
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofSeconds(2));
        pool.setJmxEnabled(false);
        RedisClient redis = RedisClient.builder()
                .hostAndPort("127.0.0.1", redisPort)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(2000)
                        .socketTimeoutMillis(2000)
                        .build())
                .poolConfig(pool)
                .build();
        BaselineApp app = new BaselineApp(redis);
        Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = port;
                    config.routes.get("/api/content/jobs/{jobId}/status", app::status);
                    config.routes.post("/api/content/images/{eventDraftId}/generate", app::generate);
                    config.routes.get("/health/ready", ctx -> ctx.result("UP"));
                })
                .start();
    }

    @SuppressWarnings("unchecked")
    private void status(Context ctx) throws Exception {
        String jobId = ctx.pathParam("jobId");
        List<Object> reply = (List<Object>) redis.evalsha(readStatusSha, List.of("job:" + jobId), List.of());
        Map<String, String> job = pairs((List<Object>) reply.get(0));
        if (job.isEmpty()) {
            ctx.status(404)
                    .contentType("application/json")
                    .result(json.writeValueAsBytes(Map.of("code", "JOB_001", "message", "Job을 찾을 수 없습니다")));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("status", job.get("status"));
        body.put("imageUrls", pairs((List<Object>) reply.get(1)));
        ctx.contentType("application/json").result(json.writeValueAsBytes(body));
    }

    private void generate(Context ctx) throws Exception {
        String draft = ctx.pathParam("eventDraftId");
        String jobId = UUID.randomUUID().toString();
        redis.hset(
                "job:" + jobId,
                Map.of(
                        "status",
                        "PENDING",
                        "eventDraftId",
                        draft,
                        "type",
                        "IMAGE_GEN",
                        "createdAt",
                        Instant.now().toString()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("status", "PENDING");
        body.put("message", "이미지 생성 중입니다");
        ctx.status(202)
                .header("Location", "/api/content/jobs/" + jobId + "/status")
                .header("Retry-After", "2")
                .contentType("application/json")
                .result(json.writeValueAsBytes(body));
    }

    private static Map<String, String> pairs(List<Object> flat) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }
}
