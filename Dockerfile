# The official Odoo 18.0 image with the suite's Python requirements.
FROM odoo:18.0

USER root
COPY requirements.txt /tmp/crm-suite-requirements.txt
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/crm-suite-requirements.txt \
    && rm /tmp/crm-suite-requirements.txt
USER odoo
