package dev.contentservice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_of_an_odd_count_is_the_middle_value() {
        List<Integer> runs = List.of(9, 1, 5);

        double median = Stats.median(runs);

        assertThat(median).isEqualTo(5.0);
    }

    @Test
    void median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
        List<Double> runs = List.of(4.0, 1.0, 3.0, 2.0);

        double median = Stats.median(runs);

        assertThat(median).isEqualTo(2.5);
    }

    @Test
    void percentiles_of_one_to_a_hundred_are_their_own_rank_whatever_the_order() {
        List<Integer> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples, new Random(7));

        assertThat(Stats.percentile(samples, 50)).isEqualTo(50.0);
        assertThat(Stats.percentile(samples, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(samples, 100)).isEqualTo(100.0);
        assertThat(Stats.percentile(samples, 0.5)).isEqualTo(1.0);
    }

    @Test
    void p99_of_fewer_than_a_hundred_samples_is_the_largest() {
        List<Integer> samples = List.of(3, 1, 2);

        double p99 = Stats.percentile(samples, 99);

        assertThat(p99).isEqualTo(3.0);
    }

    @Test
    void no_samples_have_no_statistics() {
        assertThatThrownBy(() -> Stats.median(List.<Integer>of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
