package dev.tubebatch.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header: what the API is and how to sign in to it. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI tubebatchOpenApi() {
        return new OpenAPI()
                .info(new Info().title("tubebatch API").version("1")
                        .description("Batches of YouTube videos: create, preview, follow, control. Errors are RFC 9457 "
                                + "problem details; a field at fault is named in 'field'."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API token created by an admin (POST /api/tokens)"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
