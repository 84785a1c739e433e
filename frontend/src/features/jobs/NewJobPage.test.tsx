import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json } from '../../test/fakeServer';
import { jobRead, SIGNED_IN } from '../../test/fixtures';

describe('Add job', () => {
  it('checks the form before sending anything', async () => {
    const server = installFakeServer(SIGNED_IN);
    const { user } = renderApp('/jobs/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Add job' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save job' }));
    expect(await screen.findByText('Enter the job title')).toBeInTheDocument();
    expect(screen.getByText('Enter the company')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Title/), 'Data Engineer');
    await user.type(screen.getByLabelText(/^Company/), 'Verdant Farms');
    await user.type(screen.getByLabelText('Minimum salary'), '90000');
    await user.type(screen.getByLabelText('Maximum salary'), '70000');
    await user.type(screen.getByLabelText('Job URL'), 'not a url');
    await user.type(screen.getByLabelText('Currency'), 'EU1');
    await user.click(screen.getByRole('button', { name: 'Save job' }));

    expect(await screen.findByText('The maximum cannot be below the minimum salary')).toBeInTheDocument();
    expect(screen.getByText('Enter a full web address, starting with https://')).toBeInTheDocument();
    expect(screen.getByText('Use a 3-letter currency code, like EUR or USD')).toBeInTheDocument();
    expect(screen.queryByText('Enter the job title')).not.toBeInTheDocument();
    expect(server.calls('POST /api/v1/jobs')).toHaveLength(0);
  });

  it("shows the server's 422 detail", async () => {
    installFakeServer({
      ...SIGNED_IN,
      'POST /api/v1/jobs': () =>
        json(422, {
          detail: 'The job URL must start with http:// or https://',
          code: 'validation_error',
          errors: [{ loc: ['body', 'url'], msg: 'URL scheme should be http or https' }],
        }),
    });
    const { user } = renderApp('/jobs/new');
    await user.type(await screen.findByLabelText(/^Title/), 'Data Engineer');
    await user.type(screen.getByLabelText(/^Company/), 'Verdant Farms');
    await user.click(screen.getByRole('button', { name: 'Save job' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The job URL must start with http:// or https://');
    expect(screen.getByText('URL scheme should be http or https')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/jobs/new');
  });

  it('saves the job and opens its page', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'POST /api/v1/jobs': async (request) => json(201, jobRead({ id: 77, ...(await request.clone().json()) })),
      'GET /api/v1/jobs/77': () => json(200, jobRead({ id: 77, title: 'Data Engineer', company: 'Verdant Farms' })),
    });
    const { user } = renderApp('/jobs/new');
    await user.type(await screen.findByLabelText(/^Title/), '  Data Engineer ');
    await user.type(screen.getByLabelText(/^Company/), 'Verdant Farms');
    await user.type(screen.getByLabelText('Job URL'), 'https://verdant.example/jobs/9');
    await user.selectOptions(screen.getByLabelText('Remote'), 'Remote');
    await user.type(screen.getByLabelText('Minimum salary'), '70000');
    await user.type(screen.getByLabelText('Maximum salary'), '90000');
    await user.type(screen.getByLabelText('Currency'), 'eur');
    await user.selectOptions(screen.getByLabelText('Period'), 'Per year');
    await user.type(screen.getByLabelText('Skills'), 'Spark{Enter}Airflow{Enter}');
    await user.type(screen.getByLabelText('Description'), 'Build pipelines.');
    await user.click(screen.getByRole('button', { name: 'Save job' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Data Engineer' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/jobs/77');
    expect(await server.calls('POST /api/v1/jobs')[0].json()).toEqual({
      title: 'Data Engineer',
      company: 'Verdant Farms',
      url: 'https://verdant.example/jobs/9',
      location: '',
      remote_type: 'remote',
      salary_min: 70000,
      salary_max: 90000,
      salary_currency: 'EUR',
      salary_period: 'year',
      tech_stack: ['Spark', 'Airflow'],
      description: 'Build pipelines.',
    });
  });
});
