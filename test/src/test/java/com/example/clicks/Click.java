package com.example.clicks;

/**
 * A click on a page, as the {@code Clicks} Kinesis stream carries it (JSON).
 *
 * @param user who clicked
 * @param page what
 */
public record Click(String user, String page) {

}
