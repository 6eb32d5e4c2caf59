package dev.tributary.deploy.autoconfigure.webapp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;

/**
 * A controller of an application under test, for {@code HttpApiDetectionTests}: a bean in web
 * applications only, as the sample's controllers are, so never a bean in deploy mode.
 */
@Controller
@ConditionalOnWebApplication
public class GreetingController {

}
