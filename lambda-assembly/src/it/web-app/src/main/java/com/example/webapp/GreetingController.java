package com.example.webapp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnWebApplication
public class GreetingController {

	@GetMapping("/greetings/{name}")
	public String greet(@PathVariable String name) {
		return "hello " + name;
	}

}
