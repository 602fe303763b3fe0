package dev.contentservice.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The page at {@code /} in a real (headless) Chromium against the real service on the embedded default:
 * what a person sees and does, asserted through the DOM. Every test leaves a screenshot in
 * {@code target/screenshots/}, and none may log a console error the test does not expect or make a
 * request to another origin.
 */
class ContentPageBrowserTest {
    private static final List<String> STYLE_NAMES = List.of("심플", "화려한", "트렌디");

    /**
     * Makes the page's clock run ten times faster (its timers fire sooner, Date.now runs ahead), so the
     * 30-second polling window passes in about 3 seconds without changing the page.
     */
    private static final String TEN_TIMES_FASTER_CLOCK = """
            (() => {
              const factor = 10;
              const realNow = Date.now.bind(Date);
              const start = realNow();
              Date.now = () => start + (realNow() - start) * factor;
              const realSetTimeout = window.setTimeout.bind(window);
              const realSetInterval = window.setInterval.bind(window);
              window.setTimeout = (callback, delay, ...rest) =>
                realSetTimeout(callback, (Number(delay) || 0) / factor, ...rest);
              window.setInterval = (callback, delay, ...rest) =>
                realSetInterval(callback, (Number(delay) || 0) / factor, ...rest);
            })();
            """;

    @RegisterExtension
    static final PageUnderTest PAGE = new PageUnderTest();

    private final Browser browser = PAGE.browser();
    private final ScriptedImageGenerator generator = PAGE.generator();

    @Test
    void owner_generates_watches_progress_sees_three_style_cards_and_chooses_one() {
        browser.open("/");
        WebElement secondSample = browser.find(".chip[data-draft='sample-2']");
        secondSample.click();
        assertThat(browser.find("#draft-id").getDomProperty("value")).isEqualTo("sample-2");
        assertThat(secondSample.getDomAttribute("aria-pressed")).isEqualTo("true");
        generator.holdNextJob(); // the progress state is looked at before the job may finish

        browser.find("#generate-button").click();

        browser.waitUntil(page -> browser.find("#view-progress").isDisplayed());
        assertThat(browser.find("#progress-text").getText()).startsWith("이미지 생성 중입니다");
        assertThat(browser.find("#result").getDomAttribute("aria-busy")).isEqualTo("true");
        assertThat(browser.find("#generate-button").getText()).contains("생성 중");
        browser.screenshot("owner_generates_watches_progress_sees_three_style_cards_and_chooses_one-progress");
        generator.releaseHeld();

        List<WebElement> cards = waitForThreeLoadedCards();
        assertThat(browser.find("#view-progress").isDisplayed()).isFalse();
        assertThat(cards)
                .extracting(
                        card -> card.findElement(By.cssSelector(".card-title")).getText())
                .containsExactlyElementsOf(STYLE_NAMES);
        assertThat(cards)
                .extracting(
                        card -> card.findElement(By.cssSelector(".card-img")).getDomAttribute("src"))
                .doesNotHaveDuplicates();
        for (int i = 0; i < 3; i++) {
            assertThat(cards.get(i).findElement(By.cssSelector(".card-img")).getDomAttribute("alt"))
                    .contains("sample-2", STYLE_NAMES.get(i));
        }
        assertThat(browser.find("#selection-text").getText()).isEqualTo("마음에 드는 이미지를 하나 고르세요.");

        // with the keyboard: from the focused result heading, Tab reaches the format tabs (the page asks for
        // every format), Tab again the style choice, Space picks it
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.getAttribute('data-format')"))
                .isEqualTo("square");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(activeElementValue()).isEqualTo("simple");
        assertThat(browser.script("return getComputedStyle(arguments[0]).outlineStyle", cards.get(0)))
                .as("the focused card shows a focus outline")
                .isEqualTo("solid");
        new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        assertChosen(cards, 0);
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        assertChosen(cards, 1);

        // with the mouse
        cards.get(2).click();
        assertChosen(cards, 2);
        assertThat(browser.find("#open-selected").getText()).isEqualTo("트렌디 이미지 크게 보기");
    }

    @Test
    void failed_generation_shows_the_message_and_regenerating_brings_three_cards_on_a_phone() {
        generator.refuseNextJob();
        browser.emulatePhone();
        browser.open("/");
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        // regression: in the phone's column layout the input's flex: 1 shrank its height to ~20 px
        assertThat(browser.find("#draft-id").getRect().getHeight())
                .as("the draft id field is a comfortable touch target")
                .isGreaterThanOrEqualTo(44);
        typeDraftId("sample-3");

        browser.find("#generate-button").click();

        browser.waitUntil(page -> browser.find("#view-failed").isDisplayed());
        assertThat(browser.find("#failed-title").getText()).isEqualTo("이미지 생성 실패");
        assertThat(browser.find("#failed-message").getText()).isEqualTo("다시 시도해주세요");
        WebElement regenerate = browser.find("#failed-regenerate-button");
        assertThat(regenerate.isDisplayed()).isTrue();
        assertThat(regenerate.getText()).isEqualTo("다시 생성");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("failed-regenerate-button");
        assertThat(browser.find("#cards-area").isDisplayed()).isFalse();
        assertFitsTheViewportWidth();
        browser.screenshot("failed_generation_shows_the_message_and_regenerating_brings_three_cards_on_a_phone-failed");

        regenerate.click();

        List<WebElement> cards = waitForThreeLoadedCards();
        assertThat(browser.find("#view-failed").isDisplayed()).isFalse();
        assertThat(cards)
                .extracting(card -> card.getRect().getX())
                .as("one column")
                .containsOnly(cards.get(0).getRect().getX());
        assertThat(cards.get(1).getRect().getY())
                .isGreaterThan(cards.get(0).getRect().getY());
        assertThat(cards.get(2).getRect().getY())
                .isGreaterThan(cards.get(1).getRect().getY());
        assertFitsTheViewportWidth();
        cards.get(1).click();
        assertChosen(cards, 1);
    }

    @Test
    void regression_progress_announcements_are_not_inside_the_busy_result_region() {
        browser.open("/");

        Object insideBusy = browser.script("return ['announce-polite', 'announce-assertive'].some(id =>"
                + " document.getElementById(id).closest('[aria-busy]') !== null)");

        assertThat(insideBusy).isEqualTo(false);
    }

    @Test
    void unknown_draft_shows_that_an_ai_recommendation_must_be_chosen_first() {
        PAGE.expectConsoleErrors(
                message -> message.contains("/api/content/images/no-such-draft/generate") && message.contains("404"));
        browser.open("/");
        typeDraftId("no-such-draft");

        browser.find("#generate-button").click();

        browser.waitUntil(page -> browser.find("#view-error").isDisplayed());
        assertThat(browser.find("#error-message").getText()).isEqualTo("AI 추천을 먼저 선택해주세요");
        assertThat(browser.find("#error-code").getText()).contains("CONTENT_001");
        assertThat(browser.find("#view-progress").isDisplayed()).isFalse();
        assertThat(browser.find("#cards-area").isDisplayed()).isFalse();
        assertThat(browser.find("#generate-button").getText()).isEqualTo("이미지 생성");
    }

    @Test
    void after_thirty_seconds_without_images_the_owner_can_keep_waiting_and_still_gets_the_cards() {
        generator.holdNextJob();
        String fastClock = browser.addScriptBeforePages(TEN_TIMES_FASTER_CLOCK);
        try {
            browser.open("/");
            typeDraftId("sample-4");

            browser.find("#generate-button").click();

            browser.waitUntil(page -> browser.find("#view-timeout").isDisplayed());
            assertThat(browser.find("#view-timeout").getText()).contains("아직 이미지가 완성되지 않았어요", "30초");
            assertThat(browser.find("#keep-waiting-button").getText()).isEqualTo("계속 기다리기");
            assertThat(browser.find("#timeout-regenerate-button").getText()).isEqualTo("다시 생성");
            // the page waits on the server (long-poll) instead of polling every 2 s: a few requests, not 15
            assertThat(browser.requestedUrls().stream().filter(url -> url.contains("/status")))
                    .as("status requests in one 30-second window")
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(15)
                    .anySatisfy(url -> assertThat(url).contains("wait="));
            browser.screenshot(
                    "after_thirty_seconds_without_images_the_owner_can_keep_waiting_and_still_gets_the_cards-timeout");

            browser.find("#keep-waiting-button").click();
            browser.waitUntil(page -> browser.find("#view-progress").isDisplayed());
            generator.releaseHeld();

            // on a loaded machine the drawing may outlast another (10x fast) window: keep waiting again
            browser.waitUntil(page -> {
                if (browser.find("#view-timeout").isDisplayed()) {
                    browser.find("#keep-waiting-button").click();
                }
                return threeCardsLoaded();
            });
            waitForThreeLoadedCards();
        } finally {
            browser.removeScriptBeforePages(fastClock);
        }
    }

    private void typeDraftId(String draftId) {
        WebElement input = browser.find("#draft-id");
        input.clear();
        input.sendKeys(draftId);
    }

    private boolean threeCardsLoaded() {
        return Boolean.TRUE.equals(browser.script("const images = [...document.querySelectorAll('#cards .card-img')];"
                + "return images.length === 3 && images.every(img => !img.hidden && img.complete"
                + " && img.naturalWidth > 0 && img.alt !== '');"));
    }

    private List<WebElement> waitForThreeLoadedCards() {
        browser.waitUntil(page -> threeCardsLoaded());
        List<WebElement> cards = browser.findAll("#cards .card");
        assertThat(cards)
                .hasSize(3)
                .allSatisfy(card -> assertThat(card.isDisplayed()).isTrue());
        assertThat(browser.find("#cards-area").getDomAttribute("data-mode")).isEqualTo("ready");
        return cards;
    }

    private Object activeElementValue() {
        return browser.script("return document.activeElement.value");
    }

    private void assertChosen(List<WebElement> cards, int chosen) {
        for (int i = 0; i < cards.size(); i++) {
            WebElement card = cards.get(i);
            boolean isChosen = i == chosen;
            assertThat(card.findElement(By.cssSelector(".card-radio")).isSelected())
                    .as("%s checked", STYLE_NAMES.get(i))
                    .isEqualTo(isChosen);
            assertThat(card.getDomAttribute("class").contains("is-selected"))
                    .as("%s highlighted", STYLE_NAMES.get(i))
                    .isEqualTo(isChosen);
        }
        assertThat(browser.find("#selection-text").getText()).isEqualTo("선택한 이미지: " + STYLE_NAMES.get(chosen));
    }

    private void assertFitsTheViewportWidth() {
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scrolling")
                .isEqualTo(true);
    }
}
