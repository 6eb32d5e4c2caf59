/**
 * The application's HTTP API inside AWS Lambda: function URL requests (HTTP API payload 2.0)
 * served by the application's Spring MVC controllers through Spring Cloud Function's serverless
 * web support.
 */
@NullMarked
package dev.tributary.lambda.web;

import org.jspecify.annotations.NullMarked;
