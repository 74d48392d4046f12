/**
 * Browser tests: the annotation page and the rollout console driven in headless Debian Chromium
 * against the real server, through the pages' {@code data-testid} hooks.
 */
package dev.docannotator.browser;
