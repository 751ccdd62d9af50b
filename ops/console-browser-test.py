#!/usr/bin/env python3
"""The staff console in a real browser: headless Chromium driven by Selenium.

Run by the Swift test ConsoleBrowserTests (ops/test), which starts the stack (front end +
workers with a fake Telegram in polling mode), creates the user, a pending order, a catalog
CSV with one bad row and a dead letter, and passes them in the environment:

  CONSOLA_URL, CONSOLA_USUARIO, CONSOLA_CLAVE   the console and an admin's credentials
  TELEGRAM_FALSO_URL   the fake Telegram: POST /control/mensaje {"chat", "texto"} makes a
                       customer write; GET /control/enviados lists what the bot sent
  PEDIDO_ID, PRODUCTO_ID, CSV_CATALOGO, TRABAJO_MUERTO, REDIS_URL
  CAPTURAS_DIR         screenshots (one per page) and medidas.json go here
  DESCARGAS_DIR        where the browser saves the export
  VENDEDOR_CHROMIUM, VENDEDOR_CHROMEDRIVER

Prints one line per step, the measurements (page weight per page, SSE latency), and exits
non-zero at the first failed check. Timing is measured and reported, never asserted.
"""

import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["CONSOLA_URL"]
TG = os.environ["TELEGRAM_FALSO_URL"]
USER = os.environ["CONSOLA_USUARIO"]
PASSWORD = os.environ["CONSOLA_CLAVE"]
ORDER = os.environ["PEDIDO_ID"]
PRODUCT = os.environ["PRODUCTO_ID"]
CSV = os.environ["CSV_CATALOGO"]
DEAD = os.environ["TRABAJO_MUERTO"]
REDIS = urllib.parse.urlparse(os.environ["REDIS_URL"])
SHOTS = os.environ["CAPTURAS_DIR"]
DOWNLOADS = os.environ["DESCARGAS_DIR"]

measures = {"peso_pagina_bytes": {}, "sse_latencia_ms": [], "sse_llegada_ms": []}


def step(text):
    print(f"· {text}", flush=True)


def fail(text):
    print(f"FALLO: {text}", flush=True)
    raise SystemExit(1)


def check(condition, text):
    if not condition:
        fail(text)


def post_json(url, body):
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def customer_writes(chat, text):
    post_json(f"{TG}/control/mensaje", {"chat": chat, "texto": text})


def sent_to(chat):
    return [m["texto"] for m in get_json(f"{TG}/control/enviados") if m["chat"] == chat]


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    fail(f"no ocurrió en {seconds} s: {what}")


def make_driver(width=1280, height=900):
    options = Options()
    options.binary_location = os.environ["VENDEDOR_CHROMIUM"]
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=es-CO"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": DOWNLOADS, "download.prompt_for_download": False,
        "intl.accept_languages": "es-CO,es"})
    driver = webdriver.Chrome(service=Service(os.environ["VENDEDOR_CHROMEDRIVER"]), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": DOWNLOADS})
    return driver


def shot(driver, name):
    path = os.path.join(SHOTS, f"{name}.png")
    # The whole page, not only the window: make the window as tall as the document.
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, max(height + 140, 700))
    driver.save_screenshot(path)
    step(f"captura {path}")


def weigh(driver, name, path):
    """HTML + CSS + JS of a page, as the server sends them (no compression), with this session."""
    cookie = driver.get_cookie("vd_sesion")
    headers = {"Cookie": f"vd_sesion={cookie['value']}"} if cookie else {}

    def size(url):
        with urllib.request.urlopen(urllib.request.Request(BASE + url, headers=headers), timeout=10) as response:
            return len(response.read())

    html_bytes = size(path)
    assets = driver.execute_script(
        "return Array.from(document.querySelectorAll('link[rel=stylesheet],script[src]'))"
        ".map(e => e.getAttribute('href') || e.getAttribute('src'))")
    total = html_bytes + sum(size(a) for a in assets)
    measures["peso_pagina_bytes"][name] = total
    check(total < 150 * 1024, f"la página {name} pesa {total} bytes (máximo 150 KB)")


def login(driver, password):
    driver.get(BASE + "/consola/login")
    driver.find_element(By.ID, "nombre").clear()
    driver.find_element(By.ID, "nombre").send_keys(USER)
    driver.find_element(By.ID, "clave").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def flash(driver, expected=None):
    """The page's success notice. After a click the old page (and its notice) may still be
    there for a moment, or go away while being read: wait for a notice that can be read and, when
    `expected` is given, says it; return the last one seen (the caller checks it) on timeout."""
    seen = [""]

    def notice(d):
        try:
            texts = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".aviso.ok")]
        except WebDriverException:  # the page is being replaced (stale node, node of another document)
            return False
        if texts:
            seen[0] = texts[0]
        return next((t for t in texts if expected is None or expected in t), False)

    try:
        return WebDriverWait(driver, 15).until(notice)
    except TimeoutException:
        return seen[0]


def press_for_state(driver, label, state):
    """Presses an order's action button and waits until the page that replaces the form shows
    the order in `state`. While the old page is being replaced, Chromium may answer any question
    about its nodes with an error (a stale node, or "node … does not belong to the document"),
    so those errors mean "not yet" (`EC.staleness_of` let the second one through)."""
    driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()
    seen = [""]

    def shows(d):
        try:
            seen[0] = d.find_element(By.CSS_SELECTOR, ".acciones .etiqueta").text
        except WebDriverException:
            return False
        return seen[0] == f"Estado: {state}"

    try:
        WebDriverWait(driver, 20).until(shows)
    except TimeoutException:
        fail(f"tras «{label}» el pedido quedó en «{seen[0]}», no en «Estado: {state}»")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    driver = make_driver()
    wait = WebDriverWait(driver, 30)
    try:
        # --- Login: one text field, one password field; a wrong password is refused.
        driver.get(BASE + "/consola")
        check("/consola/login" in driver.current_url, "sin sesión, /consola no llevó al ingreso")
        fields = driver.find_elements(By.CSS_SELECTOR, "form input:not([type=hidden])")
        check([f.get_attribute("type") for f in fields] == ["text", "password"],
              "el formulario de ingreso no tiene un campo de texto y uno de clave")
        shot(driver, "01-ingreso")
        login(driver, "clave-equivocada")
        error = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".aviso.error"))).text
        check("incorrectos" in error, f"la clave equivocada no se rechazó: {error}")
        check(driver.get_cookie("vd_sesion") is None, "una clave equivocada dejó cookie de sesión")
        step("clave equivocada rechazada")
        login(driver, PASSWORD)
        wait.until(EC.url_contains("/consola/conversaciones"))
        step("ingreso correcto")

        # --- A new Telegram conversation appears without reloading (SSE).
        driver.execute_script("window.__sinRecargar = 'sí'")
        weigh(driver, "conversaciones", "/consola/conversaciones")
        for attempt in range(3):
            chat = 7_100_000 + attempt
            before = int(driver.execute_script("return Number(document.body.dataset.eventos || 0)"))
            customer_writes(chat, "Hola, ¿tienen guantes de nitrilo?")
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'a[data-chat="tg:{chat}"]')))
            wait_for(lambda: int(driver.execute_script("return Number(document.body.dataset.eventos || 0)")) > before,
                     15, "el script no contó la actualización")
            latencies = driver.execute_script("return window.__vd.latencias")
            measures["sse_latencia_ms"].append(latencies[-1])
            measures["sse_llegada_ms"].append(int(driver.execute_script("return Number(document.body.dataset.llegada)")))
            wait_for(lambda: sent_to(chat), 30, f"el agente no respondió al chat {chat}")
        check(driver.execute_script("return window.__sinRecargar") == "sí", "la bandeja se recargó entera")
        step(f"conversaciones nuevas sin recargar; latencia SSE (ms): {measures['sse_latencia_ms']}")
        shot(driver, "02-conversaciones")

        # --- Take it over, reply: the fake Telegram receives the reply.
        chat = 7_100_000
        driver.find_element(By.CSS_SELECTOR, f'a[data-chat="tg:{chat}"]').click()
        wait.until(EC.presence_of_element_located((By.ID, "mensajes")))
        weigh(driver, "conversacion", f"/consola/conversaciones/tg:{chat}")
        driver.find_element(By.XPATH, "//button[normalize-space()='Tomar la conversación']").click()
        check("Usted atiende" in flash(driver, "Usted atiende"), "no se tomó la conversación")
        reply = "Hola, le escribe Marta de la tienda. Ya le confirmo el envío."
        driver.find_element(By.ID, "mensaje").send_keys(reply)
        driver.find_element(By.XPATH, "//button[normalize-space()='Enviar respuesta']").click()
        check("Respuesta enviada" in flash(driver, "Respuesta enviada"), "no se envió la respuesta")
        wait_for(lambda: reply in sent_to(chat), 30, "Telegram no recibió la respuesta del operador")
        step("conversación tomada; Telegram recibió la respuesta del operador")
        # The customer writes in the taken-over chat: the history updates live and a
        # notification says the chat needs a person.
        customer_writes(chat, "¿Me lo pueden enviar hoy?")
        wait.until(EC.text_to_be_present_in_element((By.ID, "mensajes"), "¿Me lo pueden enviar hoy?"))
        wait.until(EC.text_to_be_present_in_element((By.ID, "avisos"), "necesita una persona"))
        step("mensaje en chat tomado: historial en vivo y aviso de que necesita una persona")
        shot(driver, "03-conversacion")
        driver.find_element(By.XPATH, "//button[normalize-space()='Devolver a la IA']").click()
        check("otra vez a cargo de la IA" in flash(driver, "otra vez a cargo de la IA"), "no se devolvió el chat a la IA")

        # --- An order from pendiente to enviado (only allowed moves are offered).
        driver.get(BASE + "/consola/pedidos")
        weigh(driver, "pedidos", "/consola/pedidos")
        shot(driver, "04-pedidos")
        driver.find_element(By.CSS_SELECTOR, f'a[href="/consola/pedidos/{ORDER}"]').click()
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".acciones button")]
        check(buttons == ["Pasar a procesando", "Cancelar pedido"], f"acciones de un pedido pendiente: {buttons}")
        press_for_state(driver, "Pasar a procesando", "Procesando")
        flash(driver)
        press_for_state(driver, "Marcar como enviado", "Enviado")
        flash(driver)
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".acciones button")]
        check(buttons == ["Marcar como entregado"], f"acciones de un pedido enviado: {buttons}")
        step("pedido pendiente → procesando → enviado")
        shot(driver, "05-pedido")

        # --- Edit a price; the agent's next answer uses it.
        driver.get(BASE + "/consola/catalogo?q=nitrilo")
        price = driver.find_element(By.ID, f"precio-{PRODUCT}")
        price.clear()
        price.send_keys("8350")
        driver.find_element(By.CSS_SELECTOR, f'#producto-{PRODUCT} button[type=submit]').click()
        check("Producto guardado" in flash(driver, "Producto guardado"), "no se guardó el precio")
        check("$8.350" in driver.find_element(By.ID, f"producto-{PRODUCT}").text, "la fila no muestra $8.350")
        customer_writes(7_200_000, "¿Cuánto valen los guantes de nitrilo?")
        answer = wait_for(lambda: [t for t in sent_to(7_200_000) if "nitrilo" in t.lower()], 30,
                          "el agente no respondió por los guantes de nitrilo")
        check(any("$8.350" in t for t in answer), f"la respuesta del agente no trae el precio nuevo: {answer}")
        step("precio editado; el agente respondió con $8.350")

        # --- Import a CSV with one bad row: that row's error is shown.
        driver.get(BASE + "/consola/catalogo")
        weigh(driver, "catalogo", "/consola/catalogo")
        driver.find_element(By.ID, "archivo").send_keys(CSV)
        driver.find_element(By.XPATH, "//button[normalize-space()='Importar']").click()
        table = WebDriverWait(driver, 60).until(EC.presence_of_element_located((By.ID, "errores-importacion")))
        rows = [r.text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
        check(len(rows) == 1 and rows[0].startswith("3") and "precio" in rows[0],
              f"errores de la importación: {rows}")
        step(f"importación con una fila mala: {rows[0]}")
        shot(driver, "06-catalogo-importacion")

        # --- Request an export, follow its progress, download it.
        driver.get(BASE + "/consola/exportes")
        weigh(driver, "exportes", "/consola/exportes")
        Select(driver.find_element(By.ID, "e-recurso")).select_by_value("productos")
        driver.find_element(By.XPATH, "//button[normalize-space()='Exportar']").click()
        link = WebDriverWait(driver, 60).until(EC.presence_of_element_located((By.ID, "descargar")))
        shot(driver, "07-exportes")
        link.click()
        files = wait_for(lambda: [f for f in os.listdir(DOWNLOADS) if f.endswith(".csv")], 30, "no se descargó el CSV")
        with open(os.path.join(DOWNLOADS, files[0]), encoding="utf-8-sig") as handle:
            header = handle.readline()
        check("nombre" in header and "precio" in header, f"el CSV descargado no es el de productos: {header}")
        step(f"exportación descargada: {files[0]}")

        # --- Re-drive a dead letter.
        driver.get(BASE + "/consola/panel")
        weigh(driver, "panel", "/consola/panel")
        shot(driver, "08-panel")
        section = driver.find_element(By.ID, "muertos-noop")
        check(DEAD in section.text, "el trabajo muerto no aparece en el panel")
        section.find_element(By.XPATH, ".//button[normalize-space()='Reintentar']").click()
        check("devueltos a la cola" in flash(driver, "devueltos a la cola"), "no se reintentó el trabajo muerto")

        def redriven():
            driver.get(BASE + "/consola/panel")
            return "No hay trabajos muertos" in driver.page_source

        wait_for(redriven, 30, "el trabajo reintentado sigue muerto")
        step("trabajo muerto reintentado")

        # --- The other pages, for the screenshots and their weight.
        driver.get(BASE + "/consola/clientes")
        weigh(driver, "clientes", "/consola/clientes")
        shot(driver, "09-clientes")
        driver.find_element(By.CSS_SELECTOR, "table a").click()
        wait.until(EC.presence_of_element_located((By.XPATH, "//h2[normalize-space()='Historial de compras']")))
        shot(driver, "10-cliente")
        driver.get(BASE + "/consola/auditoria")
        weigh(driver, "auditoria", "/consola/auditoria")
        shot(driver, "11-auditoria")
        # A phone screen.
        driver.set_window_size(390, 844)
        driver.get(BASE + "/consola/conversaciones")
        shot(driver, "12-movil-conversaciones")
        driver.set_window_size(390, 844)
        driver.get(BASE + f"/consola/pedidos/{ORDER}")
        shot(driver, "13-movil-pedido")
        driver.set_window_size(1280, 900)

        # --- A state change without the CSRF token is refused.
        status = driver.execute_script(
            "return fetch('/consola/pedidos/' + arguments[0] + '/estado', {method: 'POST', "
            "headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'estado=entregado'})"
            ".then(r => r.status)", ORDER)
        check(status == 403, f"un POST sin token CSRF respondió {status}")
        step("POST sin token CSRF rechazado (403)")

        # --- An expired session is refused: Redis drops it, the next page asks to log in.
        token = driver.get_cookie("vd_sesion")["value"]
        key = "vd:consola:s:" + hashlib.sha256(token.encode()).hexdigest()
        subprocess.run(["redis-cli", "-h", REDIS.hostname, "-p", str(REDIS.port), "DEL", key],
                       check=True, capture_output=True)
        driver.get(BASE + "/consola/pedidos")
        check("/consola/login" in driver.current_url, "una sesión vencida siguió entrando")
        step("sesión vencida rechazada")
    finally:
        with open(os.path.join(SHOTS, "medidas.json"), "w", encoding="utf-8") as handle:
            json.dump(measures, handle, indent=2, ensure_ascii=False)
        driver.quit()
    print("MEDIDAS " + json.dumps(measures, ensure_ascii=False), flush=True)
    print("OK", flush=True)


if __name__ == "__main__":
    main()
