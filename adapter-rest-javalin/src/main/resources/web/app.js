/*
 * The seed's front end: request the three images for an event draft, poll the job every 2 seconds
 * (or as the server's Retry-After says) for at most 30 seconds / 15 requests, then show the three
 * style cards, the failure, or a timeout notice with "계속 기다리기" and "다시 생성".
 * Where the server can wait (status?wait=N), each poll waits on the server for the rest of the window
 * (25 s at most), so one request usually replaces fifteen; a server that answers without waiting, or
 * refuses the parameter, is polled as the seed does.
 * Issue 13: the generation asks for the three SNS formats (tabs switch the cards between them), the choice
 * is saved on the server, and the chosen style's words and colours can be edited (POST …/edits); an edit's
 * job is followed by the same code as a generation's (submitJob, pollWindow), with its own steps.
 * Plain JavaScript, no dependencies, every request to this page's own origin.
 */
'use strict';

(function () {
  var POLL_INTERVAL_MS = 2000;
  var POLL_WINDOW_MS = 30000;
  var MAX_POLLS_PER_WINDOW = 15;
  var MIN_DELAY_MS = 250;
  var MAX_DELAY_MS = 10000;
  var LONG_POLL_MAX_S = 25;
  /* From the server (page-config.js, loaded before this script): the styles with their labels, the
     draft id pattern, the error texts and the failure reasons, so that none of them is copied here. */
  var PAGE = window.CONTENT_PAGE;
  var DRAFT_ID_PATTERN = new RegExp(PAGE.draftIdPattern);
  var DRAFT_ID_RULE = '영문, 숫자, 하이픈(-), 밑줄(_)로 된 1~' + PAGE.draftIdMaxLength + '자';
  var STYLES = PAGE.styles;

  /* The sizes a finished job may have (square is the seed's imageUrls); tabs appear when there are more. */
  var FORMATS = [
    { key: 'square', label: '정사각형' },
    { key: 'portrait', label: '세로형' },
    { key: 'story', label: '스토리' }
  ];

  /* Why a job failed, for people: one Korean sentence per reason code (the code itself goes to 자세히),
     from the server's table of public reasons. */
  var REASON_TEXTS = PAGE.reasons;
  var REASON_FALLBACK = PAGE.reasonFallback;
  var HANGUL = /[\uAC00-\uD7A3]/;

  /* Used only when an error answer carries no message of its own. */
  var FALLBACK_MESSAGES = PAGE.messages;

  var HINTS = {
    CONTENT_001: 'AI 추천 서비스에서 이벤트 기획안을 선택한 다음 다시 시도해주세요. 샘플 초안으로 먼저 체험해 볼 수도 있어요.',
    CONTENT_002: DRAFT_ID_RULE + '로 입력해주세요.',
    CONTENT_003: '선택한 AI 추천에 이벤트 제목이 없어요. 추천을 다시 선택해주세요.',
    JOB_001: '생성 작업이 만료되었거나 찾을 수 없어요. 다시 생성해주세요.',
    UNAVAILABLE: '서비스가 잠시 응답하지 않아요. 잠시 후 다시 시도해주세요.',
    NETWORK: '네트워크 연결을 확인한 다음 다시 시도해주세요.'
  };

  var $ = function (id) { return document.getElementById(id); };

  var els = {
    form: $('generate-form'),
    input: $('draft-id'),
    inputError: $('draft-id-error'),
    generateButton: $('generate-button'),
    chips: Array.prototype.slice.call(document.querySelectorAll('.chip[data-draft]')),
    result: $('result'),
    resultTitle: $('step-result-title'),
    announcePolite: $('announce-polite'),
    announceAssertive: $('announce-assertive'),
    views: {
      idle: $('view-idle'),
      progress: $('view-progress'),
      timeout: $('view-timeout'),
      failed: $('view-failed'),
      error: $('view-error')
    },
    progressText: $('progress-text'),
    progressElapsed: $('progress-elapsed'),
    progressBar: $('progress-bar'),
    progressFill: $('progress-fill'),
    progressNote: $('progress-note'),
    keepWaitingButton: $('keep-waiting-button'),
    cancelButton: $('cancel-button'),
    failedTitle: $('failed-title'),
    failedMessage: $('failed-message'),
    failedDetails: $('failed-details'),
    failedReason: $('failed-reason'),
    failedRegenerateButton: $('failed-regenerate-button'),
    errorMessage: $('error-message'),
    errorHint: $('error-hint'),
    errorCode: $('error-code'),
    errorRetryButton: $('error-retry-button'),
    cardsArea: $('cards-area'),
    cardsLegend: $('cards-legend'),
    selectionBar: $('selection-bar'),
    selectionText: $('selection-text'),
    selectionStatus: $('selection-status'),
    openSelected: $('open-selected'),
    failedCode: $('failed-code'),
    formatTabs: $('format-tabs'),
    tabs: Array.prototype.slice.call(document.querySelectorAll('.format-tab[data-format]')),
    editOpen: $('edit-open'),
    editPanel: $('edit-panel'),
    editTitle: $('edit-title'),
    editHeadline: $('edit-headline'),
    editDescription: $('edit-description'),
    editColoursOn: $('edit-colours-on'),
    editColours: {
      background: $('edit-background'),
      text: $('edit-text-colour'),
      accent: $('edit-accent')
    },
    editStatus: $('edit-status'),
    editError: $('edit-error'),
    editErrorMessage: $('edit-error-message'),
    editErrorDetails: $('edit-error-details'),
    editErrorCode: $('edit-error-code'),
    editApply: $('edit-apply'),
    editClose: $('edit-close')
  };

  /* The lengths the server checks (page-config.js), set on the fields here rather than copied into the
     HTML: the draft id's, and each edit text's, shown in its counter. */
  els.input.maxLength = PAGE.draftIdMaxLength;
  $('draft-id-hint').textContent = DRAFT_ID_RULE + '. 샘플을 고르거나 직접 입력하세요.';
  [els.editHeadline, els.editDescription].forEach(function (field) {
    field.maxLength = PAGE.editLimits[field.name];
    $(field.getAttribute('aria-describedby')).setAttribute('data-max', String(field.maxLength));
  });

  /* The request in flight: a new generation replaces it, and the old one's callbacks become no-ops. */
  var current = null;
  var runCounter = 0;
  var lastDraftId = null;
  /* The finished job on the cards: its draft, its URLs per format, and the format shown. */
  var shown = null;

  // ---------- small helpers ----------

  function styleLabel(key) {
    for (var i = 0; i < STYLES.length; i++) {
      if (STYLES[i].key === key) return STYLES[i].label;
    }
    return key;
  }

  function cardFor(key) {
    return els.cardsArea.querySelector('.card[data-style="' + key + '"]');
  }

  function announce(text, assertive) {
    var region = assertive ? els.announceAssertive : els.announcePolite;
    // Clearing first makes a repeated message be read again.
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function sleep(ms, run) {
    return new Promise(function (resolve) {
      run.timer = window.setTimeout(resolve, ms);
    });
  }

  function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
  }

  /* Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
  function retryAfterMs(response) {
    var header = response.headers.get('Retry-After');
    if (!header) return POLL_INTERVAL_MS;
    var seconds = Number(header.trim());
    if (!isNaN(seconds)) return clamp(seconds * 1000, MIN_DELAY_MS, MAX_DELAY_MS);
    var date = Date.parse(header);
    if (!isNaN(date)) return clamp(date - Date.now(), MIN_DELAY_MS, MAX_DELAY_MS);
    return POLL_INTERVAL_MS;
  }

  function readJson(response) {
    return response.text().then(function (text) {
      if (!text) return {};
      try {
        return JSON.parse(text);
      } catch (e) {
        return {};
      }
    });
  }

  /* The status URL from Location when it is on this origin (the page may only talk to its own origin). */
  function statusUrlFor(response, jobId) {
    var fallback = '/api/content/jobs/' + encodeURIComponent(jobId) + '/status';
    var location = response.headers.get('Location');
    if (!location) return fallback;
    try {
      var url = new URL(location, window.location.href);
      return url.origin === window.location.origin ? url.pathname + url.search : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function isSameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  // ---------- views ----------

  function showView(name) {
    Object.keys(els.views).forEach(function (key) {
      els.views[key].hidden = key !== name;
    });
    els.result.setAttribute('data-view', name);
    els.cardsArea.hidden = name === 'failed' || name === 'error';
  }

  function setBusy(busy) {
    els.result.setAttribute('aria-busy', busy ? 'true' : 'false');
    els.generateButton.classList.toggle('is-busy', busy);
    els.generateButton.setAttribute('aria-disabled', busy ? 'true' : 'false');
    els.generateButton.querySelector('.btn-label').textContent = busy ? '생성 중…' : '이미지 생성';
  }

  function resetCards(mode) {
    closeEditor(false);
    els.editOpen.hidden = true;
    els.cardsArea.setAttribute('data-mode', mode);
    els.cardsLegend.textContent = mode === 'ready' ? '마음에 드는 이미지를 하나 고르세요' : '세 가지 스타일';
    els.selectionBar.hidden = true;
    els.openSelected.hidden = true;
    STYLES.forEach(function (style) {
      var card = cardFor(style.key);
      var radio = card.querySelector('.card-radio');
      var img = card.querySelector('.card-img');
      radio.checked = false;
      radio.disabled = true;
      card.classList.remove('is-selected', 'is-done', 'is-working', 'is-broken', 'is-loaded');
      img.hidden = true;
      img.removeAttribute('src');
      img.alt = '';
      card.querySelector('.card-state').textContent = '';
      var download = card.querySelector('.card-download');
      download.hidden = true;
      download.setAttribute('href', '#');
    });
    shown = null;
    choiceCounter++; // an answer still due for the previous images no longer speaks for these
    els.formatTabs.hidden = true;
    els.cardsArea.setAttribute('data-format', 'square');
    setSelectionStatus('', '');
  }

  function showProgress(progress, run) {
    var total = STYLES.length;
    var done = [];
    if (progress && Array.isArray(progress.done)) {
      done = progress.done.filter(function (key) { return typeof key === 'string'; });
      if (typeof progress.total === 'number' && progress.total > 0) total = progress.total;
    }

    STYLES.forEach(function (style) {
      var card = cardFor(style.key);
      var isDone = done.indexOf(style.key) >= 0;
      card.classList.toggle('is-done', isDone);
      card.classList.toggle('is-working', !isDone);
      card.querySelector('.card-state').textContent = isDone ? '완료' : '생성 중';
    });

    if (progress && Array.isArray(progress.done)) {
      var count = Math.min(done.length, total);
      els.progressBar.classList.remove('is-indeterminate');
      els.progressBar.setAttribute('aria-valuemax', String(total));
      els.progressBar.setAttribute('aria-valuenow', String(count));
      els.progressBar.setAttribute('aria-valuetext', total + '개 중 ' + count + '개 완료');
      els.progressFill.style.width = Math.round((count / total) * 100) + '%';
      var text = '이미지 생성 중입니다 · ' + total + '개 중 ' + count + '개 완료';
      if (els.progressText.textContent !== text) {
        els.progressText.textContent = text;
        if (run && run.announcedCount !== count) {
          run.announcedCount = count;
          var names = done.map(styleLabel).join(', ');
          announce(count > 0 ? names + ' 완료. ' + total + '개 중 ' + count + '개' : '이미지 생성 중입니다');
        }
      }
    } else {
      els.progressBar.classList.add('is-indeterminate');
      els.progressBar.removeAttribute('aria-valuenow');
      els.progressBar.setAttribute('aria-valuetext', '진행 중');
      els.progressFill.style.width = '';
      els.progressText.textContent = '이미지 생성 중입니다';
    }
  }

  function setProgressNote(text) {
    els.progressNote.textContent = text || '';
    els.progressNote.hidden = !text;
  }

  function startElapsedClock(run) {
    stopElapsedClock(run);
    var render = function () {
      var seconds = Math.floor((Date.now() - run.startedAt) / 1000);
      els.progressElapsed.textContent = seconds + '초 경과';
    };
    render();
    run.clock = window.setInterval(render, 1000);
  }

  function stopElapsedClock(run) {
    if (run && run.clock) {
      window.clearInterval(run.clock);
      run.clock = null;
    }
  }

  function finish(run) {
    stopElapsedClock(run);
    if (run.timer) window.clearTimeout(run.timer);
    run.finished = true;
    setBusy(false);
  }

  function showCompleted(run, body) {
    finish(run);
    showView('completed');
    resetCards('ready');
    shown = { draftId: run.draftId, urls: formatsOf(body), format: 'square', texts: {} };
    var missing = [];
    STYLES.forEach(function (style) {
      var card = cardFor(style.key);
      var radio = card.querySelector('.card-radio');
      var img = card.querySelector('.card-img');
      var url = shown.urls.square[style.key];
      card.classList.add('is-done');
      if (typeof url !== 'string' || url === '') {
        missing.push(style.label);
        card.classList.add('is-broken');
        card.querySelector('.card-state').textContent = '이미지 없음';
        return;
      }
      img.onload = function () { card.classList.add('is-loaded'); };
      img.onerror = function () {
        card.classList.add('is-broken');
        card.querySelector('.card-state').textContent = '이미지를 불러오지 못했어요';
      };
      radio.disabled = false;
    });
    showFormat('square');
    showFormatTabs();
    els.selectionBar.hidden = false;
    els.selectionText.textContent = '마음에 드는 이미지를 하나 고르세요.';
    els.selectionText.removeAttribute('data-selected');
    var generator = typeof body.generator === 'string' && body.generator ? body.generator : null;
    els.cardsArea.setAttribute('data-generator', generator || '');
    announce('이미지 3개가 준비되었어요. 마음에 드는 스타일을 고르세요.');
    els.resultTitle.focus();
    if (missing.length > 0) {
      els.selectionText.textContent = missing.join(', ') + ' 이미지가 없어요. 다시 생성해 보세요.';
    }
  }

  // ---------- formats and downloads ----------

  /* The URLs per format: square from imageUrls (the seed's), the rest from formats when the job made them. */
  function formatsOf(body) {
    var all = { square: body.imageUrls && typeof body.imageUrls === 'object' ? body.imageUrls : {} };
    var formats = body.formats && typeof body.formats === 'object' ? body.formats : {};
    FORMATS.forEach(function (format) {
      var urls = formats[format.key];
      if (format.key !== 'square' && urls && typeof urls === 'object') all[format.key] = urls;
    });
    return all;
  }

  function formatLabel(key) {
    for (var i = 0; i < FORMATS.length; i++) {
      if (FORMATS[i].key === key) return FORMATS[i].label;
    }
    return key;
  }

  /* Puts one format's images (and download links) on the cards; the choice stays as it is. */
  function showFormat(key) {
    if (!shown || !shown.urls[key]) return;
    shown.format = key;
    els.cardsArea.setAttribute('data-format', key);
    STYLES.forEach(function (style) { showCardImage(style, key); });
    var chosen = els.selectionText.getAttribute('data-selected');
    if (chosen) pointOpenSelectedAt(chosen);
    els.tabs.forEach(function (tab) {
      var selected = tab.getAttribute('data-format') === key;
      tab.setAttribute('aria-selected', selected ? 'true' : 'false');
      tab.tabIndex = selected ? 0 : -1;
    });
  }

  /* One card's image and download link in one format; the image is only reloaded when its URL changed. */
  function showCardImage(style, key) {
    var card = cardFor(style.key);
    var img = card.querySelector('.card-img');
    var download = card.querySelector('.card-download');
    var url = shown.urls[key] ? shown.urls[key][style.key] : null;
    if (typeof url !== 'string' || url === '') {
      download.hidden = true;
      return;
    }
    var size = key === 'square' ? '' : ' ' + formatLabel(key);
    img.alt = shown.draftId + ' 이벤트의 ' + style.label + ' 스타일' + size + ' SNS 이미지';
    if (img.getAttribute('src') !== url) {
      card.classList.remove('is-loaded');
      img.src = url;
    }
    img.hidden = false;
    download.href = url;
    download.setAttribute('download', shown.draftId + '-' + style.key + (key === 'square' ? '' : '-' + key) + fileExtension(url));
    download.setAttribute('aria-label', style.label + size + ' 이미지 다운로드');
    download.hidden = false;
  }

  function showFormatTabs() {
    var available = els.tabs.filter(function (tab) { return !!shown.urls[tab.getAttribute('data-format')]; });
    els.tabs.forEach(function (tab) { tab.hidden = available.indexOf(tab) < 0; });
    els.formatTabs.hidden = available.length < 2;
  }

  function fileExtension(url) {
    var match = /\.(png|jpe?g|webp)(?:[?#]|$)/i.exec(url);
    return match ? '.' + match[1].toLowerCase() : '';
  }

  function onTabKey(event) {
    var visible = els.tabs.filter(function (tab) { return !tab.hidden; });
    var at = visible.indexOf(event.target);
    if (at < 0) return;
    var next = -1;
    if (event.key === 'ArrowRight') next = (at + 1) % visible.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + visible.length) % visible.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = visible.length - 1;
    if (next < 0) return;
    event.preventDefault();
    visible[next].focus();
    visible[next].click();
  }

  function showFailed(run, body) {
    finish(run);
    showView('failed');
    els.failedTitle.textContent = typeof body.error === 'string' && body.error ? body.error : '이미지 생성 실패';
    els.failedMessage.textContent = typeof body.message === 'string' && body.message ? body.message : '다시 시도해주세요';
    var reason = body.reason && typeof body.reason === 'object' ? body.reason : null;
    var code = reason && typeof reason.code === 'string' ? reason.code : '';
    var text = reason ? reasonText(reason) : '';
    els.failedReason.textContent = text;
    els.failedReason.hidden = !text;
    els.failedCode.textContent = code ? '오류 코드: ' + code : '';
    els.failedDetails.hidden = !code;
    announce(els.failedTitle.textContent + '. ' + (text ? text + ' ' : '') + els.failedMessage.textContent, true);
    els.failedRegenerateButton.focus();
  }

  /*
   * The reason in Korean: the server's own Korean sentence when it sends one (message or detail), else the
   * page's sentence for the code; never the provider's (English, technical) detail.
   */
  function reasonText(reason) {
    var candidates = [reason.message, reason.detail];
    for (var i = 0; i < candidates.length; i++) {
      if (typeof candidates[i] === 'string' && HANGUL.test(candidates[i])) return candidates[i];
    }
    return REASON_TEXTS[reason.code] || REASON_FALLBACK;
  }

  function showTimeout(run) {
    finish(run);
    run.timedOut = true;
    showView('timeout');
    STYLES.forEach(function (style) {
      var card = cardFor(style.key);
      if (!card.classList.contains('is-done')) card.querySelector('.card-state').textContent = '대기 중';
    });
    announce('30초 안에 이미지가 완성되지 않았어요. 계속 기다리거나 다시 생성할 수 있어요.', true);
    els.keepWaitingButton.focus();
  }

  /* An error answer {"code","message"} (or no answer at all). */
  function showError(run, options) {
    if (run) finish(run);
    showView('error');
    var code = options.code || '';
    var message = options.message || FALLBACK_MESSAGES[code] || '요청을 처리하지 못했어요';
    els.errorMessage.textContent = message;
    els.errorHint.textContent = HINTS[code] || options.hint || '';
    els.errorHint.hidden = !els.errorHint.textContent;
    els.errorCode.textContent = code ? '오류 코드: ' + code : '';
    els.errorCode.hidden = !code;
    els.errorRetryButton.textContent = code === 'JOB_001' ? '다시 생성' : '다시 시도';
    if (code === 'CONTENT_002') {
      markInputInvalid(message);
    }
    announce(message, true);
    els.errorRetryButton.focus();
  }

  // ---------- the draft id field ----------

  function markInputInvalid(message) {
    els.input.setAttribute('aria-invalid', 'true');
    els.inputError.textContent = message;
    els.inputError.hidden = false;
  }

  function clearInputError() {
    els.input.removeAttribute('aria-invalid');
    els.inputError.textContent = '';
    els.inputError.hidden = true;
  }

  function syncChips() {
    var value = els.input.value.trim();
    els.chips.forEach(function (chip) {
      chip.setAttribute('aria-pressed', chip.getAttribute('data-draft') === value ? 'true' : 'false');
    });
  }

  // ---------- the protocol ----------

  function cancelCurrent() {
    if (!current) return;
    current.cancelled = true;
    if (current.controller) current.controller.abort();
    stopElapsedClock(current);
    if (current.timer) window.clearTimeout(current.timer);
    current = null;
  }

  /* A run (a generation, or an edit) whose answers no longer matter: cancelled, or replaced by a newer one. */
  function isStale(run) {
    return run.cancelled === true || !run.isCurrent();
  }

  /* What a generation does at each step of following its job (see submitJob). */
  var GENERATION_STEPS = {
    accepted: function (run, body) {
      if (typeof body.message === 'string' && body.message) els.progressText.textContent = body.message;
    },
    progress: function (run, body) {
      setProgressNote('');
      showProgress(body.progress, run);
    },
    note: function (run, text) { setProgressNote(text); },
    completed: function (run, body) { showCompleted(run, body); },
    failed: function (run, body) { showFailed(run, body); },
    timeout: function (run) { showTimeout(run); },
    refused: function (run, error) { showError(run, error); }
  };

  function generate(draftId) {
    cancelCurrent();
    lastDraftId = draftId;
    var run = {
      id: ++runCounter,
      draftId: draftId,
      controller: typeof AbortController === 'function' ? new AbortController() : null,
      startedAt: Date.now(),
      announcedCount: -1,
      isCurrent: function () { return run === current; },
      steps: GENERATION_STEPS
    };
    current = run;

    clearInputError();
    setBusy(true);
    resetCards('progress');
    showView('progress');
    setProgressNote('');
    showProgress(null, run);
    startElapsedClock(run);
    announce('이미지 생성을 요청했어요');

    // every format, so that the tabs can switch between them
    submitJob(run, '/api/content/images/' + encodeURIComponent(draftId) + '/generate', {
      formats: FORMATS.map(function (format) { return format.key; })
    });
  }

  /*
   * Starts a job (a generation or an edit) with a JSON body and follows it to its end, calling the run's
   * steps: accepted (202), progress (PENDING/PROCESSING), note (a hiccup worth a word), completed, failed,
   * timeout (the 30-second window passed) and refused (an error answer, or no answer at all).
   */
  function submitJob(run, url, payload) {
    fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(payload),
      signal: run.controller ? run.controller.signal : undefined
    }).then(function (response) {
      return readJson(response).then(function (body) {
        if (isStale(run)) return;
        if ((response.status === 202 || response.status === 200) && typeof body.jobId === 'string') {
          run.jobId = body.jobId;
          run.statusUrl = statusUrlFor(response, body.jobId);
          if (body.status === 'COMPLETED' && body.imageUrls) {
            run.steps.completed(run, body);
            return;
          }
          run.steps.accepted(run, body);
          pollWindow(run, retryAfterMs(response));
          return;
        }
        run.steps.refused(run, errorFromResponse(response, body));
      });
    }).catch(function () {
      if (isStale(run)) return;
      run.steps.refused(run, { code: '', message: '서버에 연결할 수 없어요', hint: HINTS.NETWORK });
    });
  }

  // 취소: DELETE the job; the server answers with its FAILED status (reason JOB_CANCELED)
  function cancelJob() {
    var run = current;
    if (!run || !run.jobId || els.cancelButton.disabled) return;
    els.cancelButton.disabled = true;
    fetch('/api/content/jobs/' + encodeURIComponent(run.jobId), {
      method: 'DELETE',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return readJson(response).then(function (body) {
        els.cancelButton.disabled = false;
        if (isStale(run)) return;
        if (response.status === 200 && body.status === 'FAILED') {
          showFailed(run, body);
          run.cancelled = true;
          if (run.controller) run.controller.abort();
          announce('이미지 생성을 취소했어요', true);
        }
        // 409: the job ended meanwhile; the poll in progress shows how
      });
    }).catch(function () {
      els.cancelButton.disabled = false;
    });
  }

  function errorFromResponse(response, body) {
    var code = typeof body.code === 'string' ? body.code : '';
    var message = typeof body.message === 'string' ? body.message : '';
    var hint = '';
    if (response.status === 503) hint = HINTS.UNAVAILABLE;
    if (!message && response.status >= 500) message = '서비스를 잠시 사용할 수 없어요';
    return { code: code, message: message, hint: hint };
  }

  /* One polling window: at most 15 requests within 30 seconds, then the timeout notice. */
  function pollWindow(run, firstDelayMs) {
    run.windowStartedAt = Date.now();
    run.pollsInWindow = 0;
    run.finished = false;
    pollAfter(run, firstDelayMs);
  }

  function pollAfter(run, delayMs) {
    var elapsed = Date.now() - run.windowStartedAt;
    if (run.pollsInWindow >= MAX_POLLS_PER_WINDOW || elapsed + delayMs > POLL_WINDOW_MS + 500) {
      run.steps.timeout(run);
      return;
    }
    sleep(delayMs, run).then(function () {
      if (isStale(run)) return;
      pollOnce(run);
    });
  }

  /* The status URL, asking the server to wait for the rest of the window while long-poll works. */
  function statusRequestUrl(run) {
    if (run.longPoll === false) return { url: run.statusUrl, wait: 0 };
    var remaining = Math.floor((POLL_WINDOW_MS - (Date.now() - run.windowStartedAt)) / 1000);
    var wait = Math.min(LONG_POLL_MAX_S, remaining);
    if (wait < 1) return { url: run.statusUrl, wait: 0 };
    var separator = run.statusUrl.indexOf('?') < 0 ? '?' : '&';
    return { url: run.statusUrl + separator + 'wait=' + wait, wait: wait };
  }

  function pollOnce(run) {
    run.pollsInWindow++;
    var request = statusRequestUrl(run);
    var sentAt = Date.now();
    // A long-poll still pending when the 30-second window ends is given up, so the timeout notice
    // appears on time (the server would have answered then anyway).
    var inFlight = new AbortController();
    if (run.controller) {
      run.controller.signal.addEventListener('abort', function () { inFlight.abort(); });
    }
    var windowEnded = false;
    var windowTimer = request.wait > 0
      ? window.setTimeout(function () {
          if (isStale(run) || run.timedOut) return;
          windowEnded = true;
          inFlight.abort();
          run.steps.timeout(run);
        }, Math.max(0, POLL_WINDOW_MS - (Date.now() - run.windowStartedAt)) + 250)
      : null;
    fetch(request.url, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: inFlight.signal
    }).then(function (response) {
      if (windowTimer) window.clearTimeout(windowTimer);
      return readJson(response).then(function (body) {
        if (isStale(run) || windowEnded) return;
        if (response.ok && body.status === 'COMPLETED') {
          run.steps.completed(run, body);
        } else if (response.ok && body.status === 'FAILED') {
          run.steps.failed(run, body);
        } else if (response.ok && (body.status === 'PROCESSING' || body.status === 'PENDING')) {
          run.steps.progress(run, body);
          var waited = request.wait > 0 && Date.now() - sentAt >= (request.wait - 1) * 1000;
          if (request.wait > 0 && !waited) run.longPoll = false; // the server did not wait: poll as the seed
          pollAfter(run, waited ? MIN_DELAY_MS : retryAfterMs(response));
        } else if (response.status === 400 && request.wait > 0) {
          run.longPoll = false; // the server refuses to wait: poll as the seed
          pollAfter(run, MIN_DELAY_MS);
        } else if (response.status === 404) {
          run.steps.refused(run, {
            code: typeof body.code === 'string' && body.code ? body.code : 'JOB_001',
            message: typeof body.message === 'string' ? body.message : ''
          });
        } else {
          // A 5xx, a 503 from a store that is down, or an answer we do not understand: keep trying.
          run.steps.note(run, '서버 응답이 잠시 불안정해요. 계속 확인하는 중이에요.');
          pollAfter(run, response.status === 503 ? retryAfterMs(response) : POLL_INTERVAL_MS);
        }
      });
    }).catch(function () {
      if (windowTimer) window.clearTimeout(windowTimer);
      if (isStale(run) || windowEnded) return;
      run.steps.note(run, '연결이 잠시 끊겼어요. 계속 확인하는 중이에요.');
      pollAfter(run, POLL_INTERVAL_MS);
    });
  }

  function keepWaiting() {
    var run = current;
    if (!run || !run.timedOut || !run.statusUrl) return;
    run.timedOut = false;
    setBusy(true);
    showView('progress');
    STYLES.forEach(function (style) {
      var card = cardFor(style.key);
      if (!card.classList.contains('is-done')) card.querySelector('.card-state').textContent = '생성 중';
    });
    startElapsedClock(run);
    announce('계속 기다리는 중이에요');
    pollWindow(run, 0);
  }

  function regenerate() {
    var draftId = lastDraftId || els.input.value.trim();
    if (!draftId) {
      els.input.focus();
      return;
    }
    els.input.value = draftId;
    syncChips();
    generate(draftId);
  }

  // ---------- choosing a card ----------

  function onChoose(event) {
    var radio = event.target;
    if (!radio.classList || !radio.classList.contains('card-radio') || !radio.checked) return;
    STYLES.forEach(function (style) {
      var card = cardFor(style.key);
      var selected = style.key === radio.value;
      card.classList.toggle('is-selected', selected);
      card.querySelector('.card-state').textContent = selected ? '선택됨' : '';
    });
    var label = styleLabel(radio.value);
    els.selectionText.textContent = '선택한 이미지: ' + label;
    els.selectionText.setAttribute('data-selected', radio.value);
    pointOpenSelectedAt(radio.value);
    offerEditFor(radio.value);
    announce(label + ' 스타일을 선택했어요');
    if (shown) saveChoice(shown.draftId, radio.value);
  }

  function pointOpenSelectedAt(key) {
    var label = styleLabel(key);
    var img = cardFor(key).querySelector('.card-img');
    var src = img.getAttribute('src');
    if (src) {
      els.openSelected.href = src;
      els.openSelected.hidden = false;
      els.openSelected.textContent = label + ' 이미지 크게 보기';
      els.openSelected.setAttribute('aria-label', label + ' 이미지를 새 탭에서 크게 보기');
    }
  }

  function setSelectionStatus(state, text) {
    els.selectionStatus.setAttribute('data-state', state);
    els.selectionStatus.textContent = text;
    els.selectionStatus.hidden = !text;
  }

  /*
   * Keeps the choice on the server (PUT …/selection), one request after the other so that the last
   * choice is the one stored; only the answer to the last choice is shown.
   */
  var choiceSaves = Promise.resolve();
  var choiceCounter = 0;

  function saveChoice(draftId, style) {
    var number = ++choiceCounter;
    var label = styleLabel(style);
    setSelectionStatus('saving', '선택을 저장하는 중이에요…');
    choiceSaves = choiceSaves.then(function () {
      if (number !== choiceCounter) return null; // a later choice replaces this one before it is sent
      return fetch('/api/content/images/' + encodeURIComponent(draftId) + '/selection', {
        method: 'PUT',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ style: style })
      }).then(function (response) {
        return readJson(response).then(function (body) {
          if (number !== choiceCounter) return;
          if (response.ok && body.selected === style) {
            setSelectionStatus('saved', label + ' 스타일로 저장했어요.');
            announce(label + ' 스타일 선택을 저장했어요');
          } else {
            var message = typeof body.message === 'string' && body.message ? body.message : '선택을 저장하지 못했어요';
            setSelectionStatus('error', message + ' 다시 골라 주세요.');
            announce(message, true);
          }
        });
      }).catch(function () {
        if (number !== choiceCounter) return;
        setSelectionStatus('error', '선택을 저장하지 못했어요. 네트워크를 확인하고 다시 골라 주세요.');
        announce('선택을 저장하지 못했어요', true);
      });
    });
  }

  // ---------- editing the chosen image ----------

  /*
   * The chosen style's headline and description (and, when asked, its colours) are re-set by the server in
   * every format from the same art: POST …/edits starts an IMAGE_EDIT job, followed like a generation
   * (submitJob); when it completes, only that card shows its new image, in the format on screen.
   */
  var editing = null; // the edit in flight
  var editTarget = null; // the style the panel edits

  var EDIT_STEPS = {
    accepted: function () {},
    progress: function () {},
    note: function (run, text) { setEditStatus('working', text); },
    completed: function (run, body) { showEdited(run, body); },
    failed: function (run, body) {
      var reason = body.reason && typeof body.reason === 'object' ? body.reason : null;
      endEdit(run);
      showEditError(reason ? reasonText(reason) : '편집을 적용하지 못했어요.', reason && typeof reason.code === 'string' ? reason.code : '');
    },
    timeout: function (run) {
      endEdit(run);
      showEditError('30초 안에 편집이 끝나지 않았어요. 잠시 후 다시 적용해 주세요.', '');
    },
    refused: function (run, error) {
      endEdit(run);
      showEditError((error.message || '편집을 적용하지 못했어요.') + (error.hint ? ' ' + error.hint : ''), error.code);
    }
  };

  function offerEditFor(key) {
    var label = styleLabel(key);
    els.editOpen.hidden = false;
    els.editOpen.textContent = label + ' 이미지 편집';
    if (!els.editPanel.hidden && !editing) openEditor(key, false);
  }

  function openEditor(key, focus) {
    editTarget = key;
    var label = styleLabel(key);
    var texts = (shown && shown.texts[key]) || {};
    els.editTitle.textContent = label + ' 이미지 편집';
    els.editPanel.setAttribute('data-style', key);
    els.editHeadline.value = texts.headline || '';
    els.editDescription.value = texts.description || '';
    updateCounters();
    hideEditError();
    setEditStatus('', '');
    els.editPanel.hidden = false;
    els.editOpen.setAttribute('aria-expanded', 'true');
    if (focus) els.editHeadline.focus();
  }

  /* Hides the panel; an edit still running is given up (its job finishes on the server all the same). */
  function closeEditor(returnFocus) {
    if (editing) {
      editing.cancelled = true;
      if (editing.controller) editing.controller.abort();
      if (editing.timer) window.clearTimeout(editing.timer);
      endEdit(editing);
    }
    editTarget = null;
    els.editPanel.hidden = true;
    els.editOpen.setAttribute('aria-expanded', 'false');
    if (returnFocus && !els.editOpen.hidden) els.editOpen.focus();
  }

  function updateCounters() {
    [els.editHeadline, els.editDescription].forEach(function (field) {
      var counter = $(field.getAttribute('aria-describedby'));
      counter.textContent = Array.from(field.value).length + '/' + counter.getAttribute('data-max') + '자';
    });
  }

  function setEditStatus(state, text) {
    els.editStatus.setAttribute('data-state', state);
    els.editStatus.textContent = text;
  }

  function showEditError(message, code) {
    setEditStatus('error', '');
    els.editErrorMessage.textContent = message;
    els.editErrorCode.textContent = code ? '오류 코드: ' + code : '';
    els.editErrorDetails.hidden = !code;
    els.editError.hidden = false;
    announce(message, true);
  }

  function hideEditError() {
    els.editError.hidden = true;
    els.editErrorMessage.textContent = '';
    els.editErrorCode.textContent = '';
  }

  function setEditBusy(key, busy) {
    els.editApply.classList.toggle('is-busy', busy);
    els.editApply.setAttribute('aria-disabled', busy ? 'true' : 'false');
    els.editApply.querySelector('.btn-label').textContent = busy ? '적용 중…' : '적용';
    els.editPanel.setAttribute('aria-busy', busy ? 'true' : 'false');
    var card = key ? cardFor(key) : null;
    if (card) {
      card.classList.toggle('is-editing', busy);
      card.setAttribute('aria-busy', busy ? 'true' : 'false');
    }
  }

  /* What the owner asked for: the texts typed (an empty field keeps the AI's) and the colours, if ticked. */
  function editRequest(key) {
    var text = {};
    var headline = els.editHeadline.value.trim();
    var description = els.editDescription.value.trim();
    if (headline) text.headline = headline;
    if (description) text.description = description;
    var body = { style: key };
    if (Object.keys(text).length > 0) body.text = text;
    if (els.editColoursOn.checked) {
      body.palette = {
        background: els.editColours.background.value,
        text: els.editColours.text.value,
        accent: els.editColours.accent.value
      };
    }
    return body;
  }

  function applyEdit() {
    if (!shown || !editTarget || editing) return;
    var key = editTarget;
    var body = editRequest(key);
    hideEditError();
    if (!body.text && !body.palette) {
      showEditError('바꿀 문구를 적거나 색상을 골라 주세요.', '');
      els.editHeadline.focus();
      return;
    }
    var run = {
      draftId: shown.draftId,
      style: key,
      texts: body.text || {},
      controller: typeof AbortController === 'function' ? new AbortController() : null,
      isCurrent: function () { return run === editing; },
      steps: EDIT_STEPS
    };
    editing = run;
    setEditBusy(key, true);
    cardFor(key).querySelector('.card-state').textContent = '편집 중';
    setEditStatus('working', styleLabel(key) + ' 이미지에 편집을 적용하는 중이에요…');
    submitJob(run, '/api/content/images/' + encodeURIComponent(run.draftId) + '/edits', body);
  }

  /* Ends an edit run: the panel and the card are no longer busy. */
  function endEdit(run) {
    if (editing === run) editing = null;
    setEditBusy(run.style, false);
    var chosen = els.selectionText.getAttribute('data-selected');
    var card = cardFor(run.style);
    if (card) card.querySelector('.card-state').textContent = chosen === run.style ? '선택됨' : '';
  }

  /* The set's URLs after the edit: only the edited style's change on the page; the others stay as shown. */
  function showEdited(run, body) {
    endEdit(run);
    if (!shown || shown.draftId !== run.draftId) return;
    var urls = formatsOf(body);
    Object.keys(shown.urls).forEach(function (format) {
      var url = urls[format] ? urls[format][run.style] : null;
      if (typeof url === 'string' && url) shown.urls[format][run.style] = url;
    });
    var kept = shown.texts[run.style] || {};
    Object.keys(run.texts).forEach(function (field) { kept[field] = run.texts[field]; });
    shown.texts[run.style] = kept;
    var style = STYLES.filter(function (one) { return one.key === run.style; })[0];
    var card = cardFor(run.style);
    var img = card.querySelector('.card-img');
    var label = styleLabel(run.style);
    var done = function () {
      setEditStatus('saved', label + ' 이미지에 편집을 적용했어요. 모든 크기의 이미지가 바뀌었어요.');
    };
    var onLoad = function () {
      img.removeEventListener('load', onLoad);
      img.removeEventListener('error', onError);
      done();
    };
    var onError = function () {
      img.removeEventListener('load', onLoad);
      img.removeEventListener('error', onError);
      showEditError('편집은 적용했지만 새 이미지를 불러오지 못했어요. 다운로드 버튼으로 열어 보세요.', '');
    };
    img.addEventListener('load', onLoad);
    img.addEventListener('error', onError);
    showCardImage(style, shown.format);
    var chosen = els.selectionText.getAttribute('data-selected');
    if (chosen) pointOpenSelectedAt(chosen);
    if (img.complete && img.naturalWidth > 0) onLoad();
  }

  // ---------- wiring ----------

  els.form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (els.generateButton.getAttribute('aria-disabled') === 'true') return;
    var draftId = els.input.value.trim();
    els.input.value = draftId;
    if (!DRAFT_ID_PATTERN.test(draftId)) {
      markInputInvalid(draftId === ''
        ? '이벤트 초안 ID를 입력해주세요.'
        : HINTS.CONTENT_002);
      announce(els.inputError.textContent, true);
      els.input.focus();
      return;
    }
    generate(draftId);
  });

  els.input.addEventListener('input', function () {
    if (els.input.getAttribute('aria-invalid') === 'true') clearInputError();
    syncChips();
  });

  els.chips.forEach(function (chip) {
    chip.addEventListener('click', function () {
      els.input.value = chip.getAttribute('data-draft');
      clearInputError();
      syncChips();
      els.input.focus();
    });
  });

  els.keepWaitingButton.addEventListener('click', keepWaiting);
  els.cancelButton.addEventListener('click', cancelJob);
  Array.prototype.forEach.call(document.querySelectorAll('[data-action="regenerate"]'), function (button) {
    button.addEventListener('click', regenerate);
  });
  els.cardsArea.addEventListener('change', onChoose);
  els.tabs.forEach(function (tab) {
    tab.addEventListener('click', function () {
      showFormat(tab.getAttribute('data-format'));
      announce(formatLabel(tab.getAttribute('data-format')) + ' 이미지를 보여 드려요');
    });
    tab.addEventListener('keydown', onTabKey);
  });
  els.editOpen.addEventListener('click', function () {
    var chosen = els.selectionText.getAttribute('data-selected');
    if (!chosen) return;
    if (!els.editPanel.hidden && editTarget === chosen) {
      closeEditor(true);
      return;
    }
    openEditor(chosen, true);
  });
  els.editClose.addEventListener('click', function () { closeEditor(true); });
  els.editPanel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeEditor(true);
    }
  });
  els.editPanel.addEventListener('submit', function (event) {
    event.preventDefault();
    if (els.editApply.getAttribute('aria-disabled') === 'true') return;
    applyEdit();
  });
  els.editHeadline.addEventListener('input', updateCounters);
  els.editDescription.addEventListener('input', updateCounters);
  els.editColoursOn.addEventListener('change', function () {
    Object.keys(els.editColours).forEach(function (name) {
      els.editColours[name].disabled = !els.editColoursOn.checked;
    });
  });
  els.openSelected.addEventListener('click', function (event) {
    if (!isSameOrigin(els.openSelected.href) && !/^https?:/.test(els.openSelected.href)) event.preventDefault();
  });

  var fromQuery = new URLSearchParams(window.location.search).get('draft');
  if (fromQuery && DRAFT_ID_PATTERN.test(fromQuery)) els.input.value = fromQuery;
  syncChips();
  showView('idle');
})();
