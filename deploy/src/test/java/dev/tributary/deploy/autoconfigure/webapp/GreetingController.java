package dev.tributary.deploy.autoconfigure.webapp;

import org.springframework.stereotype.Controller;

/**
 * A controller of an application under test, for {@code HttpApiDetectionTests}.
 */
@Controller
public class GreetingController {

}
