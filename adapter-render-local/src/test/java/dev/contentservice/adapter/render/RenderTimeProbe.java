package dev.contentservice.adapter.render;

import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;

/** Not a test: prints the CPU time of drawing and encoding per style and format (run by hand). */
final class RenderTimeProbe {
    public static void main(String[] args) throws Exception {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Posters posters = new Posters(BundledFonts.get());
        PngEncoder encoder = new PngEncoder();
        var art = PosterFixtures.photoLikeArt(1536, 1024);
        for (int round = 0; round < 12; round++) {
            for (ImageStyle style : ImageStyle.values()) {
                for (PosterFormat format : PosterFormat.values()) {
                    PosterRequest request =
                            PosterRequest.of(PosterFixtures.JOB, style, format, PosterFixtures.bakery());
                    long w0 = System.nanoTime();
                    long t0 = cpu.getCurrentThreadCpuTime();
                    var image = posters.draw(request);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    long w1 = System.nanoTime();
                    encoder.encode(image);
                    long t2 = cpu.getCurrentThreadCpuTime();
                    if (round == 11) {
                        System.out.printf(
                                "%s %s draw %d ms cpu (%d ms wall) encode %d ms cpu%n",
                                style, format, (t1 - t0) / 1_000_000, (w1 - w0) / 1_000_000, (t2 - t1) / 1_000_000);
                    }
                }
            }
        }
    }
}
