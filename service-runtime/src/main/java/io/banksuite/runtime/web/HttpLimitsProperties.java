package io.banksuite.runtime.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service puts on HTTP requests (prefix {@code banksuite.http}).
 *
 * @param maxRequestBody the longest request body taken; a longer one is answered 413
 */
@ConfigurationProperties("banksuite.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
