import rule from '../../../rules/dockerfile/run-no-effect.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM python:3.12\nENV FLASK_APP=app.py\nRUN export PATH=/x:$PATH && pip install flask\n',
    { name: 'source then use in the same RUN', code: 'FROM python:3.12\nRUN python -m venv /venv && . /venv/bin/activate && pip install flask\n' },
    { name: 'a lone cd is cd-instead-of-workdir\'s finding', code: 'FROM debian:12\nRUN cd /app\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["make"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN export FLASK_APP=app.py\n',
      errors: [{ line: 2, column: 1, message: '`export FLASK_APP=…` in a RUN of its own has no effect' }],
    },
    {
      name: 'source venv, conda activate',
      code: 'FROM python:3.12\nRUN source /venv/bin/activate\nRUN conda activate myenv\n',
      errors: [{ line: 2, message: '`source /venv/bin/activate`' }, { line: 3, message: '`conda activate myenv`' }],
    },
    {
      name: 'continued RUN with several exports; values are not printed',
      code: 'FROM debian:12\nRUN export API_TOKEN=s3cr3t \\\n && export DEBUG=1\n',
      errors: [{ line: 2, message: '`export API_TOKEN=…`' }],
    },
    {
      name: 'heredoc, ONBUILD RUN, cache mount',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nexport A=1\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache export B=2\n',
      errors: [{ line: 2, column: 1 }, { line: 6, column: 9 }],
    },
  ],
});
