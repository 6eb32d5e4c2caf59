// After `mvn verify` of the application generated from the archetype (its test passed on the
// embedded emulator): the Lambda zip holds what application.yml needs and answers an event as
// Lambda's Java runtime starts it; the executable jar starts locally, and its processor logs a
// PUT item; deploy plans (changing nothing) and applies against moto.
//
// Bounded polling with short sleeps: this script runs inside Maven, without Awaitility.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

File app = context.projectDir
File itDir = basedir
File archetypeTarget = itDir.parentFile.parentFile.parentFile
File settings = new File(archetypeTarget, 'archetype-it/interpolated-settings.xml')
File repository = new File(archetypeTarget, 'it-repository')
String java = new File(System.getProperty('java.home'), 'bin/java').path
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path

def waitUntil = { long seconds, String what, Closure<Boolean> condition ->
	long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
	while (!condition()) {
		assert System.nanoTime() < deadline : "not within ${seconds} s: ${what}"
		Thread.sleep(200)
	}
}
def freePort = { new ServerSocket(0).withCloseable { it.localPort } }
def stop = { Process process ->
	// SIGTERM first: the application's graceful stop also stops the emulator it started.
	List<ProcessHandle> children = process.descendants().toList()
	process.destroy()
	if (!process.waitFor(30, TimeUnit.SECONDS)) {
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)
	}
	children.findAll { it.alive }.each { it.destroyForcibly() }
}

assert new File(app, '.gitignore').text.contains('target/') : 'the application has no .gitignore'

// 1. The Lambda zip.
File zip = new File(app, 'target/items-app-0.0.1-SNAPSHOT-lambda.zip')
assert zip.isFile() : "mvn verify built no ${zip}"
// No HTTP API function (ItemsController is local only): no API zip.
assert !new File(app, 'target/items-app-0.0.1-SNAPSHOT-api-lambda.zip').exists()
List<String> names = new ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
List<String> jars = names.findAll { it.startsWith('lib/') && it.endsWith('.jar') }.collect { it.substring(4) }
println "items-app zip: ${zip.length()} bytes, ${jars.size()} jars"
assert names.containsAll(['application.yml', 'com/example/items/Application.class',
		'com/example/items/ItemsProcessorConfiguration.class'])
['snakeyaml-', 'tributary-autoconfigure-', 'spring-cloud-function-adapter-aws-'].each { prefix ->
	assert jars.any { it.startsWith(prefix) } : "no ${prefix}*.jar in lib/: ${jars}"
}
['tomcat-', 'spring-webmvc-', 'tributary-deploy-', 'testcontainers-', 'junit-'].each { prefix ->
	assert !jars.any { it.startsWith(prefix) } : "${prefix}*.jar should not be in lib/: ${jars}"
}

// 2. The zip answers a DynamoDB event in a fresh JVM, started as Lambda's Java runtime starts it.
File unzipped = new File(app, 'target/lambda-unzipped')
unzipped.deleteDir()
new ZipFile(zip).withCloseable { z ->
	z.entries().findAll { !it.directory }.each { entry ->
		File target = new File(unzipped, entry.name)
		target.parentFile.mkdirs()
		target.withOutputStream { out -> out << z.getInputStream(entry) }
	}
}
ProcessBuilder lambda = new ProcessBuilder(java, '-XX:TieredStopAtLevel=1', '-Dtributary.lambda.enabled=true',
		'-cp', [unzipped.path, new File(unzipped, 'lib').path + '/*'].join(File.pathSeparator),
		new File(itDir, 'RunAsLambda.java').path, new File(itDir, 'items-insert.json').path).redirectErrorStream(true)
lambda.environment().put('MAIN_CLASS', 'com.example.items.Application')
Process lambdaProcess = lambda.start()
String lambdaOutput = lambdaProcess.inputStream.getText('UTF-8')
assert lambdaProcess.waitFor(120, TimeUnit.SECONDS)
assert lambdaProcess.exitValue() == 0 : lambdaOutput
assert lambdaOutput.contains('INSERT: one -> first') : lambdaOutput
assert lambdaOutput.contains('LAMBDA_RESPONSE {"batchItemFailures":[]}') : lambdaOutput
println 'items-app zip answered the DynamoDB event as in Lambda'

// 3. java -jar: the embedded emulator, the table, and the processor logging a PUT item.
int port = freePort()
File appLog = new File(app, 'target/app.log')
Process running = new ProcessBuilder(java, '-XX:TieredStopAtLevel=1', '-jar', new File(app, 'target/items-app-0.0.1-SNAPSHOT.jar').path,
		"--server.port=${port}").redirectErrorStream(true).redirectOutput(appLog).directory(app).start()
try {
	waitUntil(90, 'the application started') {
		assert running.alive : appLog.text
		appLog.text.contains('Started Application')
	}
	HttpResponse<String> put = HttpClient.newHttpClient().send(
			HttpRequest.newBuilder(URI.create("http://localhost:${port}/items/one"))
				.header('Content-Type', 'application/x-www-form-urlencoded')
				.PUT(HttpRequest.BodyPublishers.ofString('first')).build(),
			HttpResponse.BodyHandlers.ofString())
	assert put.statusCode() == 200 : put.body()
	waitUntil(15, 'the processor logged the write') { appLog.text.contains('INSERT: one -> first') }
	println 'items-app logged: ' + appLog.readLines().find { it.contains('INSERT: one -> first') }
}
finally {
	stop(running)
}
assert appLog.text.contains('Tributary connects to embedded emulator') : appLog.text

// 4. Deploy against moto: CI's (TRIBUTARY_MOTO_ENDPOINT), else one started here. A stage and table
// of their own, since other tests share CI's moto.
String endpoint = System.getenv('TRIBUTARY_MOTO_ENDPOINT')
Process moto = null
if (!endpoint) {
	int motoPort = freePort()
	moto = new ProcessBuilder('moto_server', '-H', '127.0.0.1', '-p', "${motoPort}")
		.redirectErrorStream(true).redirectOutput(new File(app, 'target/moto.log')).start()
	endpoint = "http://127.0.0.1:${motoPort}"
}
try {
	HttpClient http = HttpClient.newHttpClient()
	waitUntil(30, "moto answers at ${endpoint}") {
		try {
			http.send(HttpRequest.newBuilder(URI.create("${endpoint}/moto-api/")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200
		}
		catch (IOException ex) {
			false
		}
	}
	http.send(HttpRequest.newBuilder(URI.create("${endpoint}/moto-api/config"))
		.header('Content-Type', 'application/json')
		.POST(HttpRequest.BodyPublishers.ofString('{"lambda":{"use_docker":false}}')).build(),
			HttpResponse.BodyHandlers.discarding())
	String stage = 'it' + Long.toString(System.nanoTime() % 1_000_000_000L, 36)
	String arguments = "--spring.cloud.aws.endpoint=${endpoint} --spring.cloud.aws.region.static=us-east-1 " +
			'--spring.cloud.aws.credentials.access-key=test --spring.cloud.aws.credentials.secret-key=test ' +
			"--tributary.tables.Items.name=items-${stage}"
	def deploy = { String command ->
		File log = new File(app, "target/deploy-${command}.log")
		Process process = new ProcessBuilder(mvn, '-B', '-ntp', '-s', settings.path, "-Dmaven.repo.local=${repository}",
				'-Pdeploy', 'spring-boot:run', "-Dtributary.deploy.command=${command}", "-Dtributary.deploy.stage=${stage}",
				"-Dspring-boot.run.arguments=${arguments}")
			.directory(app).redirectErrorStream(true).redirectOutput(log).start()
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			stop(process)
			assert false : "mvn spring-boot:run -Pdeploy (${command}) did not end: ${log.text}"
		}
		assert process.exitValue() == 0 : log.text
		return log.text
	}
	String plan = deploy('plan')
	assert plan.contains('Plan: 5 to create.') : plan
	// Still 5 to create: plan changed nothing. (That a second deploy finds no changes is
	// tributary-deploy's own tests' business; here it would cost another 20 s.)
	String applied = deploy('deploy')
	assert applied.contains('Plan: 5 to create.') : applied
	assert applied.contains('Deploy complete') : applied
	// The function is there: Lambda's GetFunction. moto checks no signature, but routes a request
	// to a service by the credential scope of its Authorization header.
	HttpResponse<String> function = http.send(HttpRequest.newBuilder(
			URI.create("${endpoint}/2015-03-31/functions/items-app-${stage}-log-items"))
		.header('Authorization', 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, '
				+ 'SignedHeaders=host, Signature=0')
		.build(), HttpResponse.BodyHandlers.ofString())
	assert function.statusCode() == 200 : function.body()
	assert function.body().contains('"MAIN_CLASS": "com.example.items.Application"') ||
			function.body().contains('"MAIN_CLASS":"com.example.items.Application"') : function.body()
	println "items-app planned and deployed to moto as stage ${stage}"
}
finally {
	if (moto != null) {
		moto.destroy()
		moto.waitFor(10, TimeUnit.SECONDS)
	}
}
return true
