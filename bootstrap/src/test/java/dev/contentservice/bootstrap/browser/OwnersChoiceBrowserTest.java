package dev.contentservice.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The owner's side of the page in headless Chromium against the real service on the embedded default:
 * the choice is saved on the server, each card downloads its image, failures say why in Korean, every
 * sample draft is offered, and format tabs switch the cards. Screenshots go to {@code target/screenshots/}.
 */
class OwnersChoiceBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Adds {@code formats} (portrait and story) to every COMPLETED status the page reads, pointing at the
     * same hosted images with a {@code ?f=} marker: the worker does not fill {@code formats} yet (issue 13
     * part 1), so this stands in for the server's answer to exercise the page's tabs.
     */
    private static final String STATUS_WITH_FORMATS = """
            (() => {
              const realFetch = window.fetch.bind(window);
              window.fetch = (input, init) => realFetch(input, init).then(response => {
                const url = typeof input === 'string' ? input : input.url;
                if (!url.includes('/status')) return response;
                return response.clone().json().then(body => {
                  if (body.status !== 'COMPLETED') return response;
                  const withMarker = marker => Object.fromEntries(
                    Object.entries(body.imageUrls).map(([style, u]) => [style, u + '?f=' + marker]));
                  body.formats = { square: body.imageUrls, portrait: withMarker('portrait'), story: withMarker('story') };
                  return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
                }, () => response);
              });
            })();
            """;

    @RegisterExtension
    static final PageUnderTest PAGE = new PageUnderTest();

    private final Browser browser = PAGE.browser();
    private final ScriptedImageGenerator generator = PAGE.generator();

    @Test
    void choosing_a_card_saves_the_choice_on_the_server_and_says_so() throws Exception {
        List<WebElement> cards = generateFor("sample-1");

        cards.get(1).click();

        browser.waitUntil(
                page -> "saved".equals(browser.find("#selection-status").getDomAttribute("data-state")));
        assertThat(browser.find("#selection-status").getText()).isEqualTo("화려한 스타일로 저장했어요.");
        assertThat(browser.find("#selection-text").getText()).isEqualTo("선택한 이미지: 화려한");
        assertThat(draftImages("sample-1").path("selected").asText())
                .as("the server keeps the choice")
                .isEqualTo("fancy");
        browser.screenshot("choosing_a_card_saves_the_choice_on_the_server_and_says_so-fancy");

        cards.get(2).click();
        cards.get(0).click();

        browser.waitUntil(page -> browser.find("#selection-status").getText().equals("심플 스타일로 저장했어요."));
        assertThat(draftImages("sample-1").path("selected").asText())
                .as("the last choice is the one kept")
                .isEqualTo("simple");
    }

    @Test
    void each_card_has_a_download_button_for_its_image() throws Exception {
        List<WebElement> cards = generateFor("sample-2");

        for (WebElement card : cards) {
            WebElement download = card.findElement(By.cssSelector(".card-download"));
            String style = card.getDomAttribute("data-style");
            String src = card.findElement(By.cssSelector(".card-img")).getDomProperty("src");
            assertThat(download.isDisplayed()).as(style).isTrue();
            assertThat(download.getText()).isEqualTo("다운로드");
            assertThat(download.getDomProperty("href")).isEqualTo(src);
            assertThat(download.getDomAttribute("download")).isEqualTo("sample-2-" + style + ".png");

            HttpResponse<byte[]> file = HTTP.send(
                    HttpRequest.newBuilder(URI.create(download.getDomProperty("href")))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
        }
    }

    @Test
    void every_sample_draft_is_offered() {
        browser.open("/");

        assertThat(browser.findAll(".chip[data-draft]"))
                .extracting(chip -> chip.getDomAttribute("data-draft"))
                .containsExactly("sample-1", "sample-2", "sample-3", "sample-4");
        assertThat(browser.findAll("#sample-drafts option"))
                .extracting(option -> option.getDomAttribute("value"))
                .containsExactly("sample-1", "sample-2", "sample-3", "sample-4");
    }

    @Test
    void a_failed_job_says_why_in_korean_and_keeps_the_code_under_details() throws Exception {
        generator.refuseNextJob();
        browser.open("/");
        browser.find(".chip[data-draft='sample-4']").click();

        browser.find("#generate-button").click();

        browser.waitUntil(page -> browser.find("#view-failed").isDisplayed());
        WebElement reason = browser.find("#failed-reason");
        assertThat(reason.isDisplayed()).isTrue();
        // the server's fixed Korean sentence for the code when it sends one, else the page's own
        JsonNode served = statusOfTheJobShown().path("reason");
        String expected = java.util.stream.Stream.of(
                        served.path("message").asText(), served.path("detail").asText())
                .filter(text -> text.matches(".*[가-힣].*"))
                .findFirst()
                .orElse("이미지를 만드는 서비스가 이 요청을 거절했어요. 이벤트 문구를 바꿔 다시 시도해 보세요.");
        assertThat(reason.getText()).isEqualTo(expected).matches(".*[가-힣].*").doesNotContain("test refusal");
        assertThat(browser.find("#failed-code").getDomProperty("textContent")).isEqualTo("오류 코드: IMAGEGEN_REJECTED");
    }

    @Test
    void format_tabs_switch_the_cards_between_sizes() {
        String withFormats = browser.addScriptBeforePages(STATUS_WITH_FORMATS);
        try {
            List<WebElement> cards = generateFor("sample-3");
            WebElement tabs = browser.find("#format-tabs");
            assertThat(tabs.isDisplayed()).isTrue();
            assertThat(browser.findAll(".format-tab").stream()
                            .filter(WebElement::isDisplayed)
                            .map(WebElement::getText))
                    .containsExactly("정사각형1:1 피드", "세로형4:5 피드", "스토리9:16");
            cards.get(1).click();

            browser.find(".format-tab[data-format='story']").click();

            waitForLoadedImages();
            assertThat(browser.find("#cards-area").getDomAttribute("data-format"))
                    .isEqualTo("story");
            assertThat(browser.find(".format-tab[data-format='story']").getDomAttribute("aria-selected"))
                    .isEqualTo("true");
            for (WebElement card : cards) {
                String style = card.getDomAttribute("data-style");
                assertThat(card.findElement(By.cssSelector(".card-img")).getDomAttribute("src"))
                        .endsWith("-" + style + ".png?f=story");
                assertThat(card.findElement(By.cssSelector(".card-download")).getDomAttribute("download"))
                        .isEqualTo("sample-3-" + style + "-story.png");
            }
            WebElement media = cards.get(0).findElement(By.cssSelector(".card-media"));
            assertThat((double) media.getRect().getHeight() / media.getRect().getWidth())
                    .as("a story card is 9:16")
                    .isCloseTo(16.0 / 9.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(cards.get(1).findElement(By.cssSelector(".card-radio")).isSelected())
                    .as("the choice stays")
                    .isTrue();
            assertThat(browser.find("#open-selected").getDomAttribute("href")).endsWith("-fancy.png?f=story");
            browser.screenshot("format_tabs_switch_the_cards_between_sizes-story");

            browser.find(".format-tab[data-format='square']").click();

            assertThat(cards.get(0).findElement(By.cssSelector(".card-img")).getDomAttribute("src"))
                    .endsWith("-simple.png");
        } finally {
            browser.removeScriptBeforePages(withFormats);
        }
    }

    @Test
    void without_further_formats_no_tabs_are_shown() {
        generateFor("sample-1");

        assertThat(browser.find("#format-tabs").isDisplayed()).isFalse();
    }

    private List<WebElement> generateFor(String draft) {
        browser.open("/");
        browser.find(".chip[data-draft='" + draft + "']").click();
        browser.find("#generate-button").click();
        waitForLoadedImages();
        List<WebElement> cards = browser.findAll("#cards .card");
        assertThat(cards).hasSize(3);
        return cards;
    }

    private void waitForLoadedImages() {
        browser.waitUntil(page ->
                Boolean.TRUE.equals(browser.script("const images = [...document.querySelectorAll('#cards .card-img')];"
                        + "return images.length === 3 && images.every(img => !img.hidden && img.complete"
                        + " && img.naturalWidth > 0 && img.alt !== '');")));
    }

    /** The status body of the job the page polled last, read again over HTTP. */
    private JsonNode statusOfTheJobShown() throws IOException, InterruptedException {
        String url = browser.requestedUrls().stream()
                .filter(u -> u.contains("/status"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .split("\\?")[0];
        HttpResponse<String> answer =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    private JsonNode draftImages(String draft) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(PAGE.service().baseUrl() + "/api/content/images/" + draft))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
