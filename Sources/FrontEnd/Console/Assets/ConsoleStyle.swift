/// The console's stylesheet: one file, no framework. Mobile first (one column, the table
/// rows become cards under 720 px), system fonts, contrast ≥ 4.5:1 everywhere, a visible
/// focus ring for keyboard users.
enum ConsoleStyle {
    static let css = #"""
        :root{--tinta:#1b1f24;--suave:#4a5260;--fondo:#f5f6f8;--papel:#fff;--linea:#c9ced6;--primario:#0b4f8a;
        --primario-osc:#083b67;--ok:#1d6b2c;--ok-fondo:#e6f4ea;--error:#a1151b;--error-fondo:#fdecec;--alerta:#7a4b00;
        --alerta-fondo:#fff3d6;--foco:#f2b705}
        *{box-sizing:border-box}
        html{font-size:16px}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--tinta);
        background:var(--fondo);line-height:1.45}
        a{color:var(--primario)}
        a:hover{color:var(--primario-osc)}
        :focus-visible{outline:3px solid var(--foco);outline-offset:2px}
        .saltar{position:absolute;left:-999px;top:0;background:var(--papel);padding:.5rem;z-index:10}
        .saltar:focus{left:.5rem}
        .barra{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;background:var(--primario-osc);color:#fff;
        padding:.5rem 1rem}
        .barra a{color:#fff}
        .marca{font-weight:700;text-decoration:none;font-size:1.1rem}
        .barra nav ul{display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;list-style:none}
        .barra nav a{display:block;padding:.4rem .6rem;border-radius:.3rem;text-decoration:none}
        .barra nav a[aria-current=page]{background:#fff;color:var(--primario-osc);font-weight:600}
        .usuario{margin-left:auto;position:relative}
        .usuario summary{cursor:pointer;padding:.4rem}
        .usuario form{margin:.25rem 0}
        .usuario[open] > form{position:relative}
        .usuario button{width:100%}
        main{max-width:1200px;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0 1rem}
        h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        .tarjeta{background:var(--papel);border:1px solid var(--linea);border-radius:.5rem;padding:1rem;margin-bottom:1rem}
        body.suelto main{max-width:26rem;margin:3rem auto}
        .formulario{display:grid;gap:.4rem}
        label{font-weight:600}
        input,select,textarea,button{font:inherit;color:inherit}
        input,select,textarea{border:1px solid #7b8491;border-radius:.3rem;padding:.45rem .5rem;background:#fff;
        min-width:0;max-width:100%}
        textarea{width:100%;min-height:5rem}
        button,.boton{display:inline-block;border:1px solid var(--primario);background:var(--primario);color:#fff;
        border-radius:.3rem;padding:.45rem .9rem;cursor:pointer;text-decoration:none;font-weight:600}
        button:hover,.boton:hover{background:var(--primario-osc);color:#fff}
        button.secundario,.boton.secundario{background:#fff;color:var(--primario)}
        button.peligro{background:var(--error);border-color:var(--error)}
        .aviso{padding:.6rem .8rem;border-radius:.3rem;border:1px solid}
        .aviso.ok{background:var(--ok-fondo);border-color:var(--ok);color:var(--ok)}
        .aviso.error{background:var(--error-fondo);border-color:var(--error);color:var(--error)}
        .aviso.alerta{background:var(--alerta-fondo);border-color:var(--alerta);color:var(--alerta)}
        .avisos{position:sticky;top:0;z-index:5;max-width:1200px;margin:0 auto;padding:0 1rem}
        .avisos .aviso{margin:.5rem 0}
        .filtros{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-bottom:1rem}
        .filtros > div{display:flex;flex-direction:column;gap:.2rem}
        .filtros .casilla{flex-direction:row;align-items:center;gap:.3rem}
        table{width:100%;border-collapse:collapse;background:var(--papel)}
        th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--linea);vertical-align:top}
        th{background:#e9ecf1;font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .etiqueta{display:inline-block;font-size:.8rem;padding:.05rem .45rem;border-radius:1rem;border:1px solid;
        margin:0 .2rem .2rem 0;white-space:nowrap}
        .etiqueta.persona{background:var(--alerta-fondo);color:var(--alerta)}
        .etiqueta.ia-off{background:var(--error-fondo);color:var(--error)}
        .etiqueta.carrito{background:var(--ok-fondo);color:var(--ok)}
        .etiqueta.canal{color:var(--suave)}
        .no-leido{font-weight:700}
        .no-leido .punto{display:inline-block;width:.6rem;height:.6rem;border-radius:50%;background:var(--primario);
        margin-right:.3rem}
        .bandeja li{list-style:none}
        .bandeja{padding:0;margin:0}
        .bandeja a.fila{display:grid;grid-template-columns:1fr auto;gap:.2rem .5rem;padding:.6rem .8rem;
        background:var(--papel);border:1px solid var(--linea);border-radius:.4rem;margin-bottom:.4rem;
        text-decoration:none;color:var(--tinta)}
        .bandeja a.fila:hover{border-color:var(--primario)}
        .bandeja .texto{grid-column:1 / -1;color:var(--suave);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .bandeja .hora{color:var(--suave);font-size:.9rem}
        .conversacion{display:grid;gap:1rem}
        @media(min-width:900px){.conversacion{grid-template-columns:2fr 1fr}}
        .mensajes{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:.5rem;max-height:70vh;
        overflow-y:auto}
        .mensaje{max-width:85%;padding:.5rem .7rem;border-radius:.6rem;border:1px solid var(--linea);background:var(--papel);
        white-space:pre-wrap;word-wrap:break-word}
        .mensaje.usuario{align-self:flex-start}
        .mensaje.agente{align-self:flex-end;background:#eaf1fb}
        .mensaje.operador{align-self:flex-end;background:#e7f5ea}
        .mensaje.sistema{align-self:center;background:#f1f1f1;font-size:.9rem}
        .mensaje .quien{display:block;font-size:.8rem;color:var(--suave);white-space:normal}
        .mensaje img{display:block;max-width:160px;max-height:160px;border-radius:.3rem;margin:.3rem 0}
        .leido{display:block;font-size:.85rem;color:var(--suave);border-left:3px solid var(--linea);padding-left:.4rem}
        .acciones{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .acciones form{margin:0}
        progress{width:100%;height:1.2rem}
        .grafico{width:100%;height:auto;background:var(--papel);border:1px solid var(--linea);border-radius:.4rem}
        .cifras{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem;margin-bottom:1rem}
        .cifra{background:var(--papel);border:1px solid var(--linea);border-radius:.4rem;padding:.6rem}
        .cifra strong{display:block;font-size:1.3rem}
        .paginas{display:flex;gap:1rem;margin:1rem 0}
        pre{white-space:pre-wrap;word-break:break-all;background:#f1f3f6;padding:.5rem;border-radius:.3rem;
        max-height:12rem;overflow:auto;font-size:.85rem}
        .edicion input[type=number]{width:7rem}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        @media(max-width:720px){
        table.tarjetas thead{position:absolute;left:-999px}
        table.tarjetas,table.tarjetas tbody,table.tarjetas tr,table.tarjetas td{display:block;width:100%}
        table.tarjetas tr{border:1px solid var(--linea);border-radius:.4rem;margin-bottom:.6rem;background:var(--papel)}
        table.tarjetas td{border:0;padding:.3rem .6rem}
        table.tarjetas td[data-titulo]::before{content:attr(data-titulo) ": ";font-weight:600}
        td.num{text-align:left}
        .usuario{margin-left:0}
        }
        """#
}
