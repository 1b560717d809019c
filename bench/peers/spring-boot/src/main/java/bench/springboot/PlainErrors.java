package bench.springboot;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every error as Gatehouse shows it: the status's words in plain text (in place of Boot's whitelabel page). */
@RestController
class PlainErrors implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : HttpStatus.NOT_FOUND;
        if (status == null || status == HttpStatus.FORBIDDEN) {
            status = HttpStatus.NOT_FOUND;
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(status.getReasonPhrase());
    }
}
