/// The console's only script, hand-written, no dependencies: the live stream (Server-Sent
/// Events) that refreshes the inbox and the open conversation and raises notifications, and
/// the progress bars of jobs (imports, re-index, exports). Every page works without it;
/// it only reads (GET) — state changes are forms carrying the CSRF token.
enum ConsoleScript {
    static let javascript = #"""
        "use strict";
        (function () {
          var body = document.body;
          var page = body.dataset.pagina;
          var vd = window.__vd = { latencias: [], eventos: 0 };
          var avisados = {};

          function aviso(html, clase) {
            var zona = document.getElementById("avisos");
            if (!zona) return;
            var p = document.createElement("p");
            p.className = "aviso " + (clase || "alerta");
            p.appendChild(html);
            zona.appendChild(p);
            while (zona.children.length > 3) zona.removeChild(zona.firstChild);
          }

          function enlaceChat(chat, texto) {
            var frag = document.createDocumentFragment();
            frag.appendChild(document.createTextNode(texto + " "));
            var a = document.createElement("a");
            a.href = "/consola/conversaciones/" + encodeURIComponent(chat);
            a.textContent = chat;
            frag.appendChild(a);
            return frag;
          }

          function notificar(chats) {
            chats.forEach(function (chat) {
              if (avisados[chat]) return;
              avisados[chat] = true;
              aviso(enlaceChat(chat, "Un cliente necesita una persona:"), "alerta");
              if (window.Notification && Notification.permission === "granted") {
                try { new Notification("Vendedor: un cliente necesita una persona", { body: chat }); } catch (e) {}
              }
            });
            if (chats.length && document.title.indexOf("(!) ") !== 0) document.title = "(!) " + document.title;
          }

          function medir(en) {
            if (typeof en === "number" && en > 0) {
              var ms = Date.now() - en;
              vd.latencias.push(ms);
              body.dataset.latencia = String(ms);
            }
          }

          function recargar(url, id, en) {
            fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
              .then(function (r) { return r.ok ? r.text() : null; })
              .then(function (html) {
                var viejo = document.getElementById(id);
                if (html === null || !viejo) return;
                var plantilla = document.createElement("template");
                plantilla.innerHTML = html;
                var nuevo = plantilla.content.getElementById(id);
                if (!nuevo) return;
                viejo.replaceWith(nuevo);
                if (id === "mensajes") nuevo.scrollTop = nuevo.scrollHeight;
                medir(en);
                vd.eventos += 1;
                body.dataset.eventos = String(vd.eventos);
              });
          }

          function parcial(href) {
            var u = new URL(href, location.href);
            u.searchParams.set("parcial", "1");
            return u.toString();
          }

          if (window.EventSource && body.dataset.desde !== undefined) {
            var url = "/consola/eventos?desde=" + encodeURIComponent(body.dataset.desde);
            if (body.dataset.chat) {
              url += "&chat=" + encodeURIComponent(body.dataset.chat) + "&chat_desde=" + encodeURIComponent(body.dataset.chatDesde);
            }
            var fuente = new EventSource(url);
            fuente.addEventListener("bandeja", function (e) {
              var d = JSON.parse(e.data);
              body.dataset.llegada = String(Date.now() - d.en);
              if (page === "conversaciones") recargar(parcial(location.href), "bandeja", d.en);
              if (d.persona && d.persona.length) notificar(d.persona);
            });
            fuente.addEventListener("chat", function (e) {
              var d = JSON.parse(e.data);
              recargar("/consola/conversaciones/" + encodeURIComponent(body.dataset.chat) + "/mensajes", "mensajes", d.en);
            });
          }

          var boton = document.querySelector("[data-notificar]");
          if (boton && window.Notification) {
            boton.hidden = Notification.permission !== "default";
            boton.addEventListener("click", function () {
              Notification.requestPermission().then(function () { boton.hidden = true; });
            });
          }

          document.querySelectorAll("[data-trabajo]").forEach(function (caja) {
            var id = caja.dataset.trabajo;
            var barra = caja.querySelector("progress");
            var texto = caja.querySelector("[data-estado]");
            function paso() {
              fetch("/consola/trabajos/" + encodeURIComponent(id), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (t) {
                  if (!t) { setTimeout(paso, 2000); return; }
                  if (barra && t.total > 0) { barra.max = t.total; barra.value = t.hechos; }
                  if (texto) texto.textContent = t.texto;
                  if (t.fin) {
                    fetch("/consola/trabajos/" + encodeURIComponent(id) + "?parcial=1", { credentials: "same-origin" })
                      .then(function (r) { return r.text(); })
                      .then(function (html) {
                        var plantilla = document.createElement("template");
                        plantilla.innerHTML = html;
                        var nuevo = plantilla.content.firstElementChild;
                        if (nuevo) caja.replaceWith(nuevo);
                      });
                  } else {
                    setTimeout(paso, 700);
                  }
                })
                .catch(function () { setTimeout(paso, 2000); });
            }
            paso();
          });

          var lista = document.getElementById("mensajes");
          if (lista) lista.scrollTop = lista.scrollHeight;
        })();
        """#
}
