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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

    private static final List<Long> SQUARE = List.of(1080L, 1080L);
    private static final List<Long> PORTRAIT = List.of(1080L, 1350L);
    private static final List<Long> STORY = List.of(1080L, 1920L);

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
    void editing_the_chosen_fancy_image_shows_its_new_image_and_keeps_the_other_cards_and_the_choice()
            throws Exception {
        List<WebElement> cards = generateFor("sample-1");
        cards.get(1).click();
        browser.waitUntil(
                page -> "saved".equals(browser.find("#selection-status").getDomAttribute("data-state")));
        Map<String, String> before = shownSources();
        String storyBefore = draftImages("sample-1")
                .path("formats")
                .path("story")
                .path("fancy")
                .asText();
        WebElement editButton = browser.find("#edit-open");
        assertThat(editButton.getText()).isEqualTo("화려한 이미지 편집");
        assertThat(editButton.getDomAttribute("aria-expanded")).isEqualTo("false");
        browser.screenshot(
                "editing_the_chosen_fancy_image_shows_its_new_image_and_keeps_the_other_cards_and_the_choice-before");

        editButton.click();

        assertThat(browser.find("#edit-panel").isDisplayed()).isTrue();
        assertThat(editButton.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.find("#edit-title").getText()).isEqualTo("화려한 이미지 편집");
        assertThat(browser.script("return document.activeElement.id"))
                .as("the headline field has the focus")
                .isEqualTo("edit-headline");
        assertThat(browser.find("label[for='edit-headline']").getText()).isEqualTo("헤드라인");
        assertThat(browser.find("label[for='edit-description']").getText()).isEqualTo("참여 방법 (설명)");
        browser.find("#edit-headline").sendKeys("오늘만 딸기 크루아상 1+1");
        browser.find("#edit-description").sendKeys("매장에서 이 게시물을 보여 주세요");
        assertThat(browser.find("#edit-headline-count").getText()).isEqualTo("15/40자");

        browser.find("#edit-apply").click();

        browser.waitUntil(page -> "saved".equals(browser.find("#edit-status").getDomAttribute("data-state")));
        WebElement status = browser.find("#edit-status");
        assertThat(status.getText()).isEqualTo("화려한 이미지에 편집을 적용했어요. 모든 크기의 이미지가 바뀌었어요.");
        assertThat(status.getDomAttribute("aria-live")).isEqualTo("polite");
        Map<String, String> after = shownSources();
        JsonNode kept = draftImages("sample-1");
        assertThat(after.get("fancy"))
                .as("the fancy card shows the set's new image")
                .isNotEqualTo(before.get("fancy"))
                .isEqualTo(kept.path("imageUrls").path("fancy").asText());
        assertThat(naturalSizes().get(1)).as("the new fancy image has loaded").isEqualTo(SQUARE);
        assertThat(after.get("simple")).isEqualTo(before.get("simple"));
        assertThat(after.get("trendy")).isEqualTo(before.get("trendy"));
        assertThat(cards.get(1).findElement(By.cssSelector(".card-radio")).isSelected())
                .as("the choice is still shown")
                .isTrue();
        assertThat(browser.find("#selection-text").getText()).isEqualTo("선택한 이미지: 화려한");
        assertThat(kept.path("selected").asText())
                .as("the server keeps the choice")
                .isEqualTo("fancy");
        assertThat(browser.find("#open-selected").getDomProperty("href")).isEqualTo(after.get("fancy"));
        browser.screenshot(
                "editing_the_chosen_fancy_image_shows_its_new_image_and_keeps_the_other_cards_and_the_choice-after");

        browser.find(".format-tab[data-format='story']").click();

        browser.waitUntil(page -> naturalSizes().equals(List.of(STORY, STORY, STORY)));
        String storyAfter = kept.path("formats").path("story").path("fancy").asText();
        assertThat(storyAfter).as("the story image is edited too").isNotEqualTo(storyBefore);
        assertThat(shownSources().get("fancy")).isEqualTo(storyAfter);
    }

    @Test
    void an_edit_the_server_refuses_says_why_in_korean_and_keeps_the_code_under_details() {
        PAGE.expectConsoleErrors(message -> message.contains("/edits") && message.contains("400"));
        List<WebElement> cards = generateFor("sample-2");
        cards.get(0).click();
        Map<String, String> before = shownSources();
        browser.find("#edit-open").click();
        // the limits come from the server's page-config.js, not from the HTML
        assertThat(browser.find("#edit-headline").getDomProperty("maxLength")).isEqualTo("40");
        assertThat(browser.find("#edit-description").getDomProperty("maxLength"))
                .isEqualTo("200");
        assertThat(browser.find("#edit-headline-count").getText()).endsWith("/40자");
        assertThat(browser.find("#draft-id").getDomProperty("maxLength")).isEqualTo("64");
        assertThat(browser.find("#draft-id-hint").getText()).startsWith("영문, 숫자, 하이픈(-), 밑줄(_)로 된 1~64자.");
        // past the field's maxlength, as a page older than the server's limit would send it
        browser.script("document.getElementById('edit-headline').value = arguments[0]", "가".repeat(41));

        browser.find("#edit-apply").click();

        browser.waitUntil(page -> browser.find("#edit-error").isDisplayed());
        assertThat(browser.find("#edit-error-message").getText()).startsWith("문구가 너무 깁니다");
        assertThat(browser.find("#edit-error-code").getDomProperty("textContent"))
                .isEqualTo("오류 코드: TEXT_TOO_LONG");
        assertThat(browser.find("#edit-apply").getText()).isEqualTo("적용");
        assertThat(shownSources()).as("no card changed").isEqualTo(before);
    }

    @Test
    void on_a_phone_the_colours_of_the_chosen_image_change_and_escape_closes_the_panel() throws Exception {
        browser.emulatePhone();
        List<WebElement> cards = generateFor("sample-4");
        cards.get(2).click();
        String trendyBefore = shownSources().get("trendy");

        browser.find("#edit-open").click();

        assertThat(browser.find("#edit-panel").isDisplayed()).isTrue();
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scrolling")
                .isEqualTo(true);
        assertThat(browser.find("#edit-headline").getRect().getHeight())
                .as("a comfortable touch target")
                .isGreaterThanOrEqualTo(44);
        WebElement background = browser.find("#edit-background");
        assertThat(background.isEnabled())
                .as("colours are only sent when asked for")
                .isFalse();
        browser.find("#edit-colours-on").click();
        assertThat(background.isEnabled()).isTrue();
        browser.script("arguments[0].value = '#fde68a'", background);

        browser.find("#edit-apply").click();

        browser.waitUntil(page -> "saved".equals(browser.find("#edit-status").getDomAttribute("data-state")));
        assertThat(shownSources().get("trendy")).isNotEqualTo(trendyBefore);
        assertThat(naturalSizes().get(2)).as("the new trendy image has loaded").isEqualTo(SQUARE);
        assertThat(draftImages("sample-4").path("editedAt").asText()).isNotEmpty();
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scrolling")
                .isEqualTo(true);
        browser.screenshot("on_a_phone_the_colours_of_the_chosen_image_change_and_escape_closes_the_panel-edited");

        browser.find("#edit-headline").sendKeys(Keys.ESCAPE);

        assertThat(browser.find("#edit-panel").isDisplayed()).isFalse();
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("edit-open");
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
    void format_tabs_switch_the_cards_between_sizes() throws Exception {
        List<WebElement> cards = generateFor("sample-3");
        WebElement tabs = browser.find("#format-tabs");
        assertThat(tabs.isDisplayed()).isTrue();
        assertThat(browser.findAll(".format-tab").stream()
                        .filter(WebElement::isDisplayed)
                        .map(WebElement::getText))
                .containsExactly("정사각형1:1 피드", "세로형4:5 피드", "스토리9:16");
        assertThat(naturalSizes()).as("the square images").containsOnly(SQUARE);
        cards.get(1).click();

        browser.find(".format-tab[data-format='story']").click();

        browser.waitUntil(page -> naturalSizes().equals(List.of(STORY, STORY, STORY)));
        assertThat(browser.find("#cards-area").getDomAttribute("data-format")).isEqualTo("story");
        assertThat(browser.find(".format-tab[data-format='story']").getDomAttribute("aria-selected"))
                .isEqualTo("true");
        JsonNode story = draftImages("sample-3").path("formats").path("story");
        for (WebElement card : cards) {
            String style = card.getDomAttribute("data-style");
            String src = card.findElement(By.cssSelector(".card-img")).getDomProperty("src");
            assertThat(src)
                    .as("the server's story image of %s", style)
                    .isEqualTo(story.path(style).asText());
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
        assertThat(browser.find("#open-selected").getDomProperty("href"))
                .isEqualTo(story.path("fancy").asText());
        browser.screenshot("format_tabs_switch_the_cards_between_sizes-story");

        browser.find(".format-tab[data-format='portrait']").click();

        browser.waitUntil(page -> naturalSizes().equals(List.of(PORTRAIT, PORTRAIT, PORTRAIT)));

        browser.find(".format-tab[data-format='square']").click();

        browser.waitUntil(page -> naturalSizes().equals(List.of(SQUARE, SQUARE, SQUARE)));
        assertThat(cards.get(0).findElement(By.cssSelector(".card-img")).getDomAttribute("src"))
                .endsWith("-simple.png");
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

    /** The image URL each card shows, by style. */
    @SuppressWarnings("unchecked")
    private Map<String, String> shownSources() {
        return (Map<String, String>)
                browser.script("return Object.fromEntries([...document.querySelectorAll('#cards .card')]"
                        + ".map(card => [card.dataset.style, card.querySelector('.card-img').src]));");
    }

    /** Each card's image as [naturalWidth, naturalHeight] once it has loaded, else [0, 0]. */
    @SuppressWarnings("unchecked")
    private List<List<Long>> naturalSizes() {
        return (List<List<Long>>) browser.script("return [...document.querySelectorAll('#cards .card-img')]"
                + ".map(img => img.complete ? [img.naturalWidth, img.naturalHeight] : [0, 0]);");
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
