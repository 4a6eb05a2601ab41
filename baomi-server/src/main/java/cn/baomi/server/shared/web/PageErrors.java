package cn.baomi.server.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.RecordNotFound;

/**
 * A record that does not exist (or may not be known to exist) shows the 404 page, in the user's language; the
 * attempt is audited ({@link RecordNotFound}).
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final ApplicationEventPublisher events;
    private final LayoutModel layout;

    PageErrors(ApplicationEventPublisher events, LayoutModel layout) {
        this.events = events;
        this.layout = layout;
    }

    /** The page keeps the signed-in user's top bar and menu: an exception handler's model gets no model attributes. */
    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFound e, HttpServletRequest request) {
        events.publishEvent(RecordNotFound.of(e, request));
        return new ModelAndView("error/404").addObject("currentUser", layout.currentUser())
                .addObject("menu", layout.menu());
    }
}
